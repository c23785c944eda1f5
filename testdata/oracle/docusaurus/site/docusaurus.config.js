// Fixture for contentlint's oracle test: built by the real Docusaurus.
module.exports = {
  title: 'Oracle',
  url: 'https://oracle.example.com',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
  },
  presets: [
    [
      'classic',
      {
        docs: {},
        blog: { onUntruncatedBlogPosts: 'ignore' },
        theme: {},
      },
    ],
  ],
};
