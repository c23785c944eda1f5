import { defineCollection, z } from 'astro:content';
import { file, glob } from 'astro/loaders';

// Posts: glob() under src/content, rendered by src/pages/blog/[...slug].astro.
const blog = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/blog' }),
  schema: z.object({
    title: z.string(),
    pubDate: z.coerce.date(),
    draft: z.boolean().optional(),
  }),
});

// Notes: a base outside src/content; the schema does not ask for a title.
const notes = defineCollection({
  loader: glob({ pattern: ['**/*.md', '!**/_*.md'], base: './notes' }),
  schema: z.object({
    summary: z.string().optional(),
  }),
});

// Projects: rendered under a URL computed from the data, which contentlint
// cannot know; .contentlint.yml gives it as a permalink.
const projects = defineCollection({
  loader: glob({ pattern: '*.md', base: 'projects' }),
  schema: z.object({
    title: z.string(),
    date: z.coerce.date(),
  }),
});

// Authors: a file() data collection, no pages.
const authors = defineCollection({
  loader: file('src/data/authors.json'),
  schema: z.object({ name: z.string() }),
});

export const collections = { blog, notes, projects, authors };
