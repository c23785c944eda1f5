// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// No root locale: every locale has its folder, English is the default.
export default defineConfig({
  integrations: [
    starlight({
      title: 'Docs',
      pagefind: false,
      defaultLocale: 'en',
      locales: {
        en: { label: 'English' },
        'pt-br': { label: 'Português do Brasil', lang: 'pt-BR' },
        fr: { label: 'Français', lang: 'fr' },
      },
    }),
  ],
});
