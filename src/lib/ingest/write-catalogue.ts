/**
 * Writes the catalogue JSON into an ignored folder: servers.json, one
 * tools/<server-slug>.json per server, report.json. Files are written fresh
 * each run so removed tools do not linger.
 *
 * CatalogueWriter takes the catalogue a server at a time, so an ingest can
 * write each server's tools as soon as they are judged and let go of them.
 * It writes into a folder beside outDir and puts it in outDir's place only
 * when done: a run that fails half way leaves the catalogue it found.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BuildReport, CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { groupBy } from '../group.ts';

export class CatalogueWriter {
  private readonly outDir: string;
  private readonly staging: string;
  private readonly slugs = new Set<string>();

  constructor(outDir: string) {
    this.outDir = outDir;
    this.staging = join(dirname(outDir), `.${basename(outDir)}.partial`);
    // A run that was killed while writing leaves its folder; start it afresh.
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(join(this.staging, 'tools'), { recursive: true });
  }

  /** Writes tools/<slug>.json: the tools of one server, in catalogue order. */
  server(slug: string, tools: readonly CatalogueTool[]): void {
    if (this.slugs.has(slug)) throw new Error(`catalogue: server slug ${slug} written twice`);
    this.slugs.add(slug);
    writeFileSync(join(this.staging, 'tools', `${slug}.json`), JSON.stringify(tools) + '\n');
  }

  /** Writes servers.json and report.json, writes an empty tools file for any server not given, and puts the catalogue in place. */
  finish(servers: readonly CatalogueServer[], report: BuildReport): void {
    for (const s of servers) if (!this.slugs.has(s.slug)) this.server(s.slug, []);
    writeFileSync(join(this.staging, 'servers.json'), JSON.stringify(servers) + '\n');
    writeFileSync(join(this.staging, 'report.json'), JSON.stringify(report, null, 1) + '\n');
    rmSync(this.outDir, { recursive: true, force: true });
    renameSync(this.staging, this.outDir);
  }

  /** Removes what was written so far; the catalogue in outDir is left as it was. */
  abandon(): void {
    if (existsSync(this.staging)) rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Writes a catalogue held in memory whole. */
export function writeCatalogue(outDir: string, servers: CatalogueServer[], tools: CatalogueTool[], report: BuildReport): void {
  const writer = new CatalogueWriter(outDir);
  const bySlug = groupBy(tools, (t) => t.serverSlug);
  const written = new Set<string>();
  for (const s of servers) {
    if (written.has(s.slug)) continue;
    written.add(s.slug);
    writer.server(s.slug, bySlug.get(s.slug) ?? []);
  }
  writer.finish(servers, report);
}
