/**
 * Writes what the site publishes besides its pages (the API files, llms.txt,
 * the sitemap, robots.txt, _headers, the build report, and the redirect
 * pages of former slugs) from the catalogue JSON into --dist. They need no
 * page of astro's, so scripts/build.ts writes them beside `astro build` into
 * a staging folder and postbuild moves them in.
 */
import { loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { eachCatalogueTool, readBuildReport, readCatalogueServers } from '../src/lib/site/read-catalogue.ts';
import { publishApi } from '../src/lib/site/publish-api.ts';
import { writeRedirects } from '../src/lib/site/redirects.ts';

const { values } = parseArgsOrExit({
  name: 'publish-api',
  usage: `Usage: node scripts/publish-api.ts [--dist DIR]

Options:
  --dist DIR   where to write (env DIST_DIR; default dist)
  -h, --help   show this help`,
  options: { dist: { type: 'string' } },
});
const config = loadConfig(values);
const started = performance.now();
const servers = readCatalogueServers();
const { files } = publishApi({ dist: config.distDir, site: config.siteUrl, tools: eachCatalogueTool(), servers, report: readBuildReport() });
// Former slugs of merged servers lead to the merged pages.
const redirects = writeRedirects(config.distDir, config.siteUrl, servers, eachCatalogueTool());
console.log(`publish-api: ${files + redirects} files in ${Math.round(performance.now() - started)} ms`);
