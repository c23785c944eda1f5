import { defineCollection, z } from 'astro:content';

// Legacy collections (no loader): Astro 5 loads them from src/content/<name>,
// skipping files and folders whose names start with an underscore.
const posts = defineCollection({
  type: 'content',
  schema: z.object({ title: z.string() }),
});

const guides = defineCollection({
  schema: z.object({ heading: z.string().optional() }),
});

export const collections = { posts, guides };
