import { defineCollection, defineContentConfig } from '@nuxt/content'

export default defineContentConfig({
  collections: {
    guide: defineCollection({ type: 'page', source: '1.guide/**' }),
    blog: defineCollection({ type: 'page', source: { include: 'blog/**', prefix: '/articles' } }),
    fr: defineCollection({ type: 'page', source: { include: 'fr/**', prefix: '/fr' } }),
    pages: defineCollection({ type: 'page', source: { include: '*.md' } }),
  },
})
