/**
 * Files published next to the pages: dist/api/tools.json, servers.json,
 * per-tool JSON, whole-server policies, llms.txt, sitemap.xml and the
 * security headers file. Plain TypeScript over the catalogue JSON so the
 * build, the tests and users all see the same contract.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BuildReport, CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { CATEGORIES, SEVERITIES } from '../../schemas/rules.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from './http.ts';
import { oneLine } from '../text/display.ts';
import { builderServer, builderServerList } from './builder-data.ts';
import { loadRules } from '../rules/load-rules.ts';
import { groupBy } from '../group.ts';

function write(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export interface PublishOptions {
  dist: string;
  site: string;
  tools: CatalogueTool[];
  servers: CatalogueServer[];
  report: BuildReport;
}

export function publishApi({ dist, site, tools, servers, report }: PublishOptions): { files: number } {
  let files = 0;
  const abs = (path: string) => new URL(path, site).href;
  write(
    join(dist, 'api', 'tools.json'),
    JSON.stringify(
      tools.map((t) => ({
        server: t.server,
        serverSlug: t.serverSlug,
        name: t.name,
        slug: t.slug,
        url: t.url,
        category: t.category,
        severity: t.severity,
        confidence: t.confidence,
        ...(t.needsReview ? { needsReview: t.needsReview } : {}),
        signals: t.signals.map((s) => s.id),
        operations: t.operations.map((o) => ({ action: o.action, category: o.category, ...(o.param ? { param: o.param } : {}) })),
        poisoning: t.poisoning.map((f) => f.id),
        hidden: t.policyKind === 'hide',
        policy: t.policy,
        definitionHash: t.definitionHash,
        api: `/api/tools/${t.serverSlug}/${t.slug}.json`,
      })),
    ),
  );
  write(
    join(dist, 'api', 'servers.json'),
    JSON.stringify(
      servers.map((s) => ({
        name: s.name,
        slug: s.slug,
        title: s.title,
        url: `/servers/${s.slug}/`,
        ...(s.repository ? { repository: s.repository.url } : {}),
        sources: s.copies.map((c) => ({ source: c.family, name: c.name, tools: c.toolsFrom, toolCount: c.toolCount })),
        ...(s.formerSlugs.length ? { formerSlugs: s.formerSlugs } : {}),
        toolCount: s.toolCount,
        categoryCounts: s.categoryCounts,
        severityCounts: s.severityCounts,
        flaggedCount: s.flaggedCount,
        policy: `/api/servers/${s.slug}/policy.json`,
        intercept: `/api/servers/${s.slug}/intercept.yaml`,
      })),
    ),
  );
  files += 2;
  for (const t of tools) {
    const { definition, ...rest } = t;
    write(join(dist, 'api', 'tools', t.serverSlug, `${t.slug}.json`), JSON.stringify({ ...rest, definition: JSON.parse(definition) }, null, 1));
    files++;
  }
  const toolsByServer = groupBy(tools, (t) => t.serverSlug);
  const defaultRate = loadRules().policy.alternatives.rate_for_writes;
  write(join(dist, 'api', 'policy-builder', 'servers.json'), JSON.stringify(builderServerList(servers)));
  files++;
  for (const s of servers) {
    write(join(dist, 'api', 'servers', s.slug, 'policy.json'), JSON.stringify(s.policy, null, 2) + '\n');
    write(join(dist, 'api', 'servers', s.slug, 'intercept.yaml'), s.intercept);
    write(join(dist, 'api', 'servers', s.slug, 'tools.json'), JSON.stringify(builderServer(s, toolsByServer.get(s.slug) ?? [], defaultRate)));
    files += 3;
  }

  // llms.txt: a plain summary for AI crawlers (https://llmstxt.org).
  const byCat = CATEGORIES.map((c) => `${c}: ${tools.filter((t) => t.category === c).length}`).join(', ');
  const bySev = SEVERITIES.map((v) => `${v}: ${tools.filter((t) => t.severity === v).length}`).join(', ');
  const riskiest = [...servers].sort((a, b) => (b.severityCounts.critical ?? 0) - (a.severityCounts.critical ?? 0)).slice(0, 20);
  const llms = [
    '# toolrisk',
    '',
    `> A risk catalogue of ${tools.length} tools on ${servers.length} MCP servers: for every tool, its category (Read, Write, Execute, Financial, Destructive), severity, the evidence from its definition and a gateway policy. The server index lists ${report.counts.indexServers} MCP servers.`,
    '',
    `Tools by category: ${byCat}. By severity: ${bySev}.`,
    '',
    '## Data',
    `- [All tools as JSON](${abs('/api/tools.json')}): server, name, url, category, severity, policy per tool`,
    `- [All servers as JSON](${abs('/api/servers.json')})`,
    `- [How we rate tools](${abs('/about/')})`,
    '',
    '## Servers with the most critical tools',
    ...riskiest.map((s) => `- [${oneLine(s.title, 80)}](${abs(`/servers/${s.slug}/`)}): ${s.toolCount} tools, ${s.severityCounts.critical ?? 0} critical`),
    '',
  ].join('\n');
  write(join(dist, 'llms.txt'), llms);

  const urls = ['/', '/servers/', '/categories/', '/severity/', '/about/', '/search/', '/index-search/', ...servers.map((s) => `/servers/${s.slug}/`), ...tools.map((t) => t.url)];
  for (const c of CATEGORIES) urls.push(`/categories/${c.toLowerCase()}/`);
  for (const v of SEVERITIES) urls.push(`/severity/${v}/`);
  const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  write(
    join(dist, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${xmlEscape(abs(u))}</loc></url>`).join('\n')}\n</urlset>\n`,
  );
  write(join(dist, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${abs('/sitemap.xml')}\n`);
  // Static hosts (Netlify, Cloudflare Pages) read this; the local server sends the same headers.
  write(join(dist, '_headers'), `/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`);
  write(join(dist, 'build-report.json'), JSON.stringify(report, null, 1));
  return { files: files + 5 };
}
