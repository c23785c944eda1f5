// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://blog.example.org',
  // Static builds write a redirect page at each source.
  redirects: {
    '/old-first': '/blog/first-post/',
    '/feed-moved': { status: 301, destination: '/blog/2024/second-post/' },
  },
});
