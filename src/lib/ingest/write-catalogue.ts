/**
 * Writes the catalogue JSON into an ignored folder: servers.json, one
 * tools/<server-slug>.json per server, report.json. Files are written fresh
 * each run so removed tools do not linger.
 *
 * CatalogueWriter takes the catalogue a tool at a time, so an ingest can
 * write each tool as soon as it is judged and let go of it.
 * It writes into a folder beside outDir and puts it in outDir's place only
 * when done: a run that fails half way leaves the catalogue it found.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BuildReport, CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import { groupBy } from '../group.ts';

export class CatalogueWriter {
  private readonly outDir: string;
  private readonly staging: string;
  private readonly slugs = new Set<string>();
  /** The tools file being written: its server, its descriptor, text not yet written. */
  private open: { slug: string; fd: number; chunks: string[]; size: number } | undefined;

  constructor(outDir: string) {
    this.outDir = outDir;
    this.staging = join(dirname(outDir), `.${basename(outDir)}.partial`);
    // A run that was killed while writing leaves its folder; start it afresh.
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(join(this.staging, 'tools'), { recursive: true });
  }

  /**
   * Adds one tool to tools/<slug>.json. A server's tools come together; the
   * file is the JSON array of them, byte for byte what JSON.stringify of the
   * whole array gives, written as it grows.
   */
  tool(slug: string, tool: CatalogueTool): void {
    let file = this.open;
    if (file?.slug !== slug) {
      if (file) this.endServer(file.slug);
      this.claim(slug);
      file = this.open = { slug, fd: openSync(join(this.staging, 'tools', `${slug}.json`), 'w'), chunks: ['['], size: 1 };
    } else {
      file.chunks.push(',');
    }
    const text = JSON.stringify(tool);
    file.chunks.push(text);
    file.size += text.length;
    if (file.size > FLUSH_AT) this.flush(file);
  }

  /** Closes tools/<slug>.json; a server with no tools gets an empty list. */
  endServer(slug: string): void {
    const file = this.open;
    if (file?.slug === slug) {
      file.chunks.push(']\n');
      this.flush(file);
      closeSync(file.fd);
      this.open = undefined;
    } else {
      this.claim(slug);
      writeFileSync(join(this.staging, 'tools', `${slug}.json`), '[]\n');
    }
  }

  /** Writes servers.json and report.json, and puts the catalogue in place. */
  finish(servers: readonly CatalogueServer[], report: BuildReport): void {
    if (this.open) this.endServer(this.open.slug);
    for (const s of servers) if (!this.slugs.has(s.slug)) this.endServer(s.slug);
    writeFileSync(join(this.staging, 'servers.json'), JSON.stringify(servers) + '\n');
    writeFileSync(join(this.staging, 'report.json'), JSON.stringify(report, null, 1) + '\n');
    rmSync(this.outDir, { recursive: true, force: true });
    renameSync(this.staging, this.outDir);
  }

  /** Removes what was written so far; the catalogue in outDir is left as it was. */
  abandon(): void {
    if (this.open) closeSync(this.open.fd);
    this.open = undefined;
    if (existsSync(this.staging)) rmSync(this.staging, { recursive: true, force: true });
  }

  private claim(slug: string): void {
    if (this.slugs.has(slug)) throw new Error(`catalogue: the tools of server ${slug} do not come together`);
    this.slugs.add(slug);
  }

  private flush(file: { fd: number; chunks: string[]; size: number }): void {
    writeSync(file.fd, file.chunks.join(''));
    file.chunks = [];
    file.size = 0;
  }
}

/** Written to disk in pieces of about this many characters. */
const FLUSH_AT = 1 << 20;

/** Writes a catalogue held in memory whole. */
export function writeCatalogue(outDir: string, servers: CatalogueServer[], tools: CatalogueTool[], report: BuildReport): void {
  const writer = new CatalogueWriter(outDir);
  const bySlug = groupBy(tools, (t) => t.serverSlug);
  const written = new Set<string>();
  for (const s of servers) {
    if (written.has(s.slug)) continue;
    written.add(s.slug);
    for (const t of bySlug.get(s.slug) ?? []) writer.tool(s.slug, t);
    writer.endServer(s.slug);
  }
  writer.finish(servers, report);
}
