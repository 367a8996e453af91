/**
 * Content collections: the catalogue JSON written by ingest (tools, servers),
 * the attack-pattern library and editorial pages. Every entry is validated
 * by the same zod schemas the scripts use.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { catalogueServerSchema, catalogueToolSchema } from './schemas/catalogue.ts';
import { attackPatternSchema } from './schemas/attack-pattern.ts';
import { readCatalogueServers, readCatalogueTools } from './lib/site/read-catalogue.ts';

const tools = defineCollection({
  loader: () => readCatalogueTools(),
  schema: catalogueToolSchema,
});

const servers = defineCollection({
  loader: () => readCatalogueServers(),
  schema: catalogueServerSchema,
});

const attackPatterns = defineCollection({
  loader: glob({ pattern: '*.md', base: './catalogue/attack-patterns' }),
  schema: attackPatternSchema,
});

const editorial = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: './catalogue/pages' }),
});

export const collections = { tools, servers, attackPatterns, editorial };
