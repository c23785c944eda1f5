// @ts-check
import { defineConfig } from 'astro/config';

// Pages are written as name.html, not name/index.html.
export default defineConfig({
  build: { format: 'file' },
});
