/**
 * Reads the catalogue JSON that ingest wrote (generated/catalogue by
 * default, CATALOGUE_OUT to override). The site never reads ../shared/data
 * directly: ingest is the only door for third-party data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildReport, CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { loadConfig } from '../config.ts';

export function catalogueDir(): string {
  return loadConfig().catalogueDir;
}

function need(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run ingest" first (npm run build does)`);
  return file;
}

export function readCatalogueTools(dir = catalogueDir()): CatalogueTool[] {
  const toolsDir = need(join(dir, 'tools'));
  const out: CatalogueTool[] = [];
  for (const f of readdirSync(toolsDir).sort()) {
    if (f.endsWith('.json')) out.push(...(JSON.parse(readFileSync(join(toolsDir, f), 'utf8')) as CatalogueTool[]));
  }
  return out;
}

export function readCatalogueServers(dir = catalogueDir()): CatalogueServer[] {
  return JSON.parse(readFileSync(need(join(dir, 'servers.json')), 'utf8')) as CatalogueServer[];
}

export function readBuildReport(dir = catalogueDir()): BuildReport {
  return JSON.parse(readFileSync(need(join(dir, 'report.json')), 'utf8')) as BuildReport;
}
