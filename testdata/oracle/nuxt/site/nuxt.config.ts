// Fixture for contentlint's oracle test: prerendered by the real Nuxt Content.
export default defineNuxtConfig({
  compatibilityDate: '2025-07-01',
  modules: ['@nuxt/content'],
  routeRules: {
    '/old-intro': { redirect: '/guide/intro' },
  },
  nitro: {
    prerender: { crawlLinks: true, routes: ['/all'], failOnError: false },
  },
  telemetry: false,
})
