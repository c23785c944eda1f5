import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';

// A legacy collection (no loader): Starlight still serves it at /.
export const collections = {
  docs: defineCollection({ schema: docsSchema() }),
};
