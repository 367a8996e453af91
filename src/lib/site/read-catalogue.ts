/**
 * Reads the catalogue JSON that ingest wrote (generated/catalogue by
 * default, CATALOGUE_OUT to override). The site never reads ../shared/data
 * directly: ingest is the only door for third-party data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueServerSchema, catalogueToolSchema, type BuildReport, type CatalogueServer, type CatalogueTool } from '../../schemas/catalogue.ts';
import { formatZodError, loadConfig } from '../config.ts';

export function catalogueDir(): string {
  return loadConfig().catalogueDir;
}

function need(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run ingest" first (npm run build does)`);
  return file;
}

export function readCatalogueTools(dir = catalogueDir()): CatalogueTool[] {
  return [...eachCatalogueTool(dir)];
}

/**
 * The tools one server file at a time, for readers that keep only a little
 * of each tool (the search records): at 100,000 tools, holding every parsed
 * tool at once cost the search build about a gigabyte.
 */
export function* eachCatalogueTool(dir = catalogueDir()): Generator<CatalogueTool> {
  for (const { entries } of toolFiles(dir)) yield* entries as CatalogueTool[];
}

/** Each server's tools file, in file-name order, parsed but not checked. */
function* toolFiles(dir: string): Generator<{ file: string; entries: unknown[] }> {
  const toolsDir = need(join(dir, 'tools'));
  for (const f of readdirSync(toolsDir).sort()) {
    if (!f.endsWith('.json')) continue;
    const file = join(toolsDir, f);
    yield { file, entries: JSON.parse(readFileSync(file, 'utf8')) as unknown[] };
  }
}

export function readCatalogueServers(dir = catalogueDir()): CatalogueServer[] {
  return JSON.parse(readFileSync(need(join(dir, 'servers.json')), 'utf8')) as CatalogueServer[];
}

export function readBuildReport(dir = catalogueDir()): BuildReport {
  return JSON.parse(readFileSync(need(join(dir, 'report.json')), 'utf8')) as BuildReport;
}

/**
 * The catalogue as the pages read it: every tool and server checked against
 * the schemas ingest writes by, so a stale or hand-edited catalogue stops the
 * build with the file and the tool named, instead of rendering a broken page.
 * Every problem is collected before failing, so one run shows them all.
 *
 * `keep` turns each checked tool into what the caller holds on to (the whole
 * tool unless told otherwise): the pages keep a small summary per tool and
 * read a server's whole tools again when its pages render (readServerTools),
 * since at 100,000 tools the parsed catalogue held 840 MB of astro's heap.
 */
export function readValidatedCatalogue(dir?: string): { tools: CatalogueTool[]; servers: CatalogueServer[] };
export function readValidatedCatalogue<T>(dir: string | undefined, keep: (tool: CatalogueTool, file: string) => T): { tools: T[]; servers: CatalogueServer[] };
export function readValidatedCatalogue<T>(dir = catalogueDir(), keep?: (tool: CatalogueTool, file: string) => T): { tools: (T | CatalogueTool)[]; servers: CatalogueServer[] } {
  const problems: string[] = [];
  const tools: (T | CatalogueTool)[] = [];
  for (const { file, entries } of toolFiles(dir)) {
    entries.forEach((raw, i) => {
      const parsed = catalogueToolSchema.safeParse(raw);
      if (parsed.success) tools.push(keep ? keep(parsed.data, file) : parsed.data);
      else problems.push(toolProblem(file, i, raw, parsed.error));
    });
  }
  const serversFile = need(join(dir, 'servers.json'));
  const servers: CatalogueServer[] = [];
  (JSON.parse(readFileSync(serversFile, 'utf8')) as unknown[]).forEach((raw, i) => {
    const parsed = catalogueServerSchema.safeParse(raw);
    if (parsed.success) servers.push(parsed.data);
    else problems.push(`${serversFile}, server ${i} ${JSON.stringify((raw as { slug?: unknown })?.slug ?? '?')}: ${formatZodError(parsed.error, 3)}`);
  });
  if (problems.length) throw new Error(`The catalogue in ${dir} does not match its schema (run "npm run ingest" again):\n${problems.slice(0, 20).join('\n')}${problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''}`);
  return { tools, servers };
}

function toolProblem(file: string, i: number, raw: unknown, error: Parameters<typeof formatZodError>[0]): string {
  return `${file}, tool ${i} ${JSON.stringify((raw as { id?: unknown })?.id ?? '?')}: ${formatZodError(error, 3)}`;
}

/** The tools of one tools file, checked as readValidatedCatalogue checks them (the same objects it gave). */
export function readServerTools(file: string): CatalogueTool[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).map((raw, i) => {
    const parsed = catalogueToolSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${toolProblem(file, i, raw, parsed.error)} (the file changed during the build?)`);
    return parsed.data;
  });
}
