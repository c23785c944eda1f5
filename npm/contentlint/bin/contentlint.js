#!/usr/bin/env node
// The npm entry point: runs the contentlint binary of the platform package
// npm installed beside this one (the esbuild and Biome pattern: one optional
// dependency per os and cpu, of which npm installs only the matching one).
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");

function binaryPath() {
  if (process.env.CONTENTLINT_BINARY_PATH) {
    return process.env.CONTENTLINT_BINARY_PATH;
  }
  const pkg = `@contentlint/${process.platform}-${process.arch}`;
  const exe = process.platform === "win32" ? "contentlint.exe" : "contentlint";
  try {
    return require.resolve(`${pkg}/bin/${exe}`);
  } catch {
    process.stderr.write(
      `contentlint: no binary for ${process.platform}-${process.arch}: the package ${pkg} is not installed.\n` +
        "Install without --no-optional or --omit=optional, or use a release archive or\n" +
        "go install github.com/contentlint/contentlint/cmd/contentlint@latest\n",
    );
    process.exit(2);
  }
}

function run(bin) {
  return spawnSync(bin, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
}

const bin = binaryPath();
let r = run(bin);
if (r.error && r.error.code === "EACCES") {
  // Some installers drop the executable bit; put it back once.
  fs.chmodSync(bin, 0o755);
  r = run(bin);
}
if (r.error) {
  process.stderr.write(`contentlint: ${r.error.message}\n`);
  process.exit(2);
}
if (r.signal) {
  process.kill(process.pid, r.signal);
}
process.exit(r.status === null ? 2 : r.status);
