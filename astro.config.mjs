// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { loadConfig } from './src/lib/config.ts';

// The public origin is a setting (SITE_URL, see src/lib/config.ts) so
// canonical URLs, Open Graph tags and the sitemap point at wherever the
// catalogue is deployed.
const site = loadConfig().siteUrl;

export default defineConfig({
  site,
  // Separate caches let tests build the shared data and the hostile fixtures
  // side by side without sharing a content-layer data store.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { chunkSizeWarningLimit: 2000 } },
});
