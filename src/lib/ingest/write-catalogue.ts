/**
 * Writes the catalogue JSON into an ignored folder: servers.json, one
 * tools/<server-slug>.json per server, report.json. Files are written fresh
 * each run (the folder is emptied first) so removed tools do not linger.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport, CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { groupBy } from '../group.ts';

export function writeCatalogue(outDir: string, servers: CatalogueServer[], tools: CatalogueTool[], report: BuildReport): void {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'tools'), { recursive: true });
  const bySlug = groupBy(tools, (t) => t.serverSlug);
  for (const s of servers) {
    writeFileSync(join(outDir, 'tools', `${s.slug}.json`), JSON.stringify(bySlug.get(s.slug) ?? []) + '\n');
  }
  writeFileSync(join(outDir, 'servers.json'), JSON.stringify(servers) + '\n');
  writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 1) + '\n');
}
