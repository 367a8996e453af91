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
import { builderServerList, builderTool, withBuilderTools, type BuilderTool } from './builder-data.ts';
import { loadRules } from '../rules/load-rules.ts';

function write(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

export interface PublishOptions {
  dist: string;
  site: string;
  /** Any iterable, read once: scripts/publish-api.ts streams them from the catalogue files, so at 100,000 tools only the small summaries stay in memory. */
  tools: Iterable<CatalogueTool>;
  servers: CatalogueServer[];
  report: BuildReport;
}

export function publishApi({ dist, site, tools, servers, report }: PublishOptions): { files: number } {
  let files = 0;
  const abs = (path: string) => new URL(path, site).href;
  // One pass over the tools: each tool's own file is written as it comes,
  // and only what the lists below need is kept.
  const summaries: unknown[] = [];
  const builderTools = new Map<string, BuilderTool[]>();
  const toolUrls: string[] = [];
  const categoryCount = new Map<string, number>();
  const severityCount = new Map<string, number>();
  const defaultRate = loadRules().policy.alternatives.rate_for_writes;
  for (const t of tools) {
    summaries.push({
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
    });
    const { definition, ...rest } = t;
    write(join(dist, 'api', 'tools', t.serverSlug, `${t.slug}.json`), JSON.stringify({ ...rest, definition: JSON.parse(definition) }, null, 1));
    files++;
    const list = builderTools.get(t.serverSlug);
    if (list) list.push(builderTool(t, defaultRate));
    else builderTools.set(t.serverSlug, [builderTool(t, defaultRate)]);
    toolUrls.push(t.url);
    categoryCount.set(t.category, (categoryCount.get(t.category) ?? 0) + 1);
    severityCount.set(t.severity, (severityCount.get(t.severity) ?? 0) + 1);
  }
  write(join(dist, 'api', 'tools.json'), JSON.stringify(summaries));
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
  write(join(dist, 'api', 'policy-builder', 'servers.json'), JSON.stringify(builderServerList(servers)));
  files++;
  for (const s of servers) {
    write(join(dist, 'api', 'servers', s.slug, 'policy.json'), JSON.stringify(s.policy, null, 2) + '\n');
    write(join(dist, 'api', 'servers', s.slug, 'intercept.yaml'), s.intercept);
    write(join(dist, 'api', 'servers', s.slug, 'tools.json'), JSON.stringify(withBuilderTools(s, builderTools.get(s.slug) ?? [])));
    files += 3;
  }

  // llms.txt: a plain summary for AI crawlers (https://llmstxt.org).
  const byCat = CATEGORIES.map((c) => `${c}: ${categoryCount.get(c) ?? 0}`).join(', ');
  const bySev = SEVERITIES.map((v) => `${v}: ${severityCount.get(v) ?? 0}`).join(', ');
  const riskiest = [...servers].sort((a, b) => (b.severityCounts.critical ?? 0) - (a.severityCounts.critical ?? 0)).slice(0, 20);
  const llms = [
    '# toolrisk',
    '',
    `> A risk catalogue of ${toolUrls.length} tools on ${servers.length} MCP servers: for every tool, its category (Read, Write, Execute, Financial, Destructive), severity, the evidence from its definition and a gateway policy. The server index lists ${report.counts.indexServers} MCP servers.`,
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

  const urls = ['/', '/servers/', '/categories/', '/severity/', '/about/', '/search/', '/index-search/', ...servers.map((s) => `/servers/${s.slug}/`), ...toolUrls];
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
