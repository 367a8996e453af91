/**
 * Content collections: the attack-pattern library and editorial pages. The
 * catalogue's tools and servers are not collections: the pages read them
 * through src/lib/site/catalogue-data.ts, which validates them with the same
 * zod schemas (see there for why).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { attackPatternSchema } from './schemas/attack-pattern.ts';
import { loadAttackPatterns } from './lib/attack-patterns.ts';

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

export const collections = { attackPatterns, editorial };
