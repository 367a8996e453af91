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
import { loadAttackPatterns } from './lib/attack-patterns.ts';

const tools = defineCollection({
  loader: () => readCatalogueTools(),
  schema: catalogueToolSchema,
});

const servers = defineCollection({
  loader: () => readCatalogueServers(),
  schema: catalogueServerSchema,
});

// Read by their one owner, attack-patterns.ts (which ingest also uses to
// link poisoning findings), rather than by a second glob over the same
// files. An object loader rather than an inline one, so that each entry
// keeps its Markdown body and file as a glob entry did: id = file stem,
// data = frontmatter, body = the text after it.
const attackPatterns = defineCollection({
  loader: {
    name: 'attack-patterns',
    async load({ store, parseData }) {
      store.clear();
      for (const { body, file, ...frontmatter } of loadAttackPatterns()) {
        const filePath = `catalogue/attack-patterns/${file}`;
        store.set({ id: frontmatter.id, data: await parseData({ id: frontmatter.id, data: frontmatter, filePath }), body, filePath });
      }
    },
  },
  schema: attackPatternSchema,
});

const editorial = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: './catalogue/pages' }),
});

export const collections = { tools, servers, attackPatterns, editorial };
