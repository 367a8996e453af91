// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public origin is a setting so canonical URLs, Open Graph tags and the
// sitemap point at wherever the catalogue is deployed.
const site = process.env.SITE_URL ?? 'https://toolrisk.dev';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { chunkSizeWarningLimit: 2000 } },
});
