#!/usr/bin/env node
// Packs the npm packages from a GoReleaser build: one @contentlint/<os>-<cpu>
// package per binary in DIST/artifacts.json, and the main `contentlint`
// package (npm/contentlint) with those as optional dependencies, all at the
// build's version. Usage: node .ci/npm-pack.mjs DIST OUT
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error("usage: node .ci/npm-pack.mjs DIST OUT");
  process.exit(2);
}
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const meta = JSON.parse(fs.readFileSync(path.join(dist, "metadata.json"), "utf8"));
const artifacts = JSON.parse(fs.readFileSync(path.join(dist, "artifacts.json"), "utf8"));
const version = meta.version;
const nodeOS = { linux: "linux", darwin: "darwin", windows: "win32" };
const nodeCPU = { amd64: "x64", arm64: "arm64" };

const work = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || "/tmp"), "contentlint-npm-"));
fs.mkdirSync(out, { recursive: true });
const pack = (dir) => {
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", path.resolve(out)], { cwd: dir, encoding: "utf8" });
  return name.trim().split("\n").pop();
};

const optional = {};
const packed = [];
for (const a of artifacts) {
  if (a.type !== "Binary" || !nodeOS[a.goos] || !nodeCPU[a.goarch]) continue;
  const plat = `${nodeOS[a.goos]}-${nodeCPU[a.goarch]}`;
  const name = `@contentlint/${plat}`;
  const dir = path.join(work, plat);
  const exe = a.goos === "windows" ? "contentlint.exe" : "contentlint";
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  fs.copyFileSync(path.resolve(repo, a.path), path.join(dir, "bin", exe));
  fs.chmodSync(path.join(dir, "bin", exe), 0o755);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({
    name, version,
    description: `The contentlint binary for ${plat}; installed by the contentlint package.`,
    homepage: "https://github.com/contentlint/contentlint",
    repository: { type: "git", url: "git+https://github.com/contentlint/contentlint.git" },
    os: [nodeOS[a.goos]], cpu: [nodeCPU[a.goarch]],
    files: [`bin/${exe}`],
    preferUnplugged: true,
  }, null, 2) + "\n");
  optional[name] = version;
  packed.push(pack(dir));
}
if (packed.length === 0) {
  console.error(`no binaries in ${dist}/artifacts.json`);
  process.exit(1);
}

const main = path.join(work, "contentlint");
fs.cpSync(path.join(repo, "npm", "contentlint"), main, { recursive: true });
const pj = JSON.parse(fs.readFileSync(path.join(main, "package.json"), "utf8"));
pj.version = version;
pj.optionalDependencies = Object.fromEntries(Object.entries(optional).sort());
fs.writeFileSync(path.join(main, "package.json"), JSON.stringify(pj, null, 2) + "\n");
packed.unshift(pack(main));
fs.rmSync(work, { recursive: true, force: true });
for (const p of packed) console.log(path.join(out, p));
