/**
 * One ingest run: read the data folder, build the catalogue, assemble the
 * report with counts in and out. scripts/ingest.ts uses prepareIngest and
 * writes each tool as it is judged, so it never holds the catalogue's tool
 * records (under 1 GB at 100,000 tools, issue 10); runIngest, for the
 * benchmark and the tests, runs the same code and keeps every record.
 */
import type { BuildReport, CatalogueServer, CatalogueTool, ReportIssue } from '../../schemas/catalogue.ts';
import { loadRules, type CompiledRules } from '../rules/load-rules.ts';
import { buildInto, toolDefinitions, toolOwners, type CatalogueBuild, type CatalogueSink } from './build-catalogue.ts';
import { mergeServers, type MergedServer, type ToolOrigin } from './merge-servers.ts';
import { isPlaceholder } from '../classify/description-stage.ts';
import { joinIndex, type IndexJoin } from './index-join.ts';
import { loadSourceInfos } from './source-infos.ts';
import { loadOverrides } from './overrides.ts';
import { rawToolOf, readSources } from './read-sources.ts';

export interface IngestResult extends CatalogueBuild {
  report: BuildReport;
}

/** A data folder read and merged, its report known, its catalogue not built yet. */
export interface PreparedIngest {
  /** The report of the run; every count in it is known before a tool is judged. */
  report: BuildReport;
  /**
   * The tools as drift compares them (see readDefinitions). Call it before
   * build, which lets go of the definitions as it goes.
   */
  definitions(): DefinedTool[];
  /**
   * Judges the tools and hands each record to the sink as soon as it is
   * made, in catalogue order (buildInto), each server's record (with its
   * index entry) after its tools: a sink that writes them out holds no tool
   * record for long. Returns the server records. Runs once.
   */
  build(sink: CatalogueSink): CatalogueServer[];
}

/**
 * A merged server whose tools wait as the JSON text of their definitions:
 * a parsed definition takes about three times the memory of its text, and
 * every server waits for the ones before it to be judged.
 */
interface PackedServer extends Omit<MergedServer, 'tools'> {
  tools: { json: string; origins: ToolOrigin[] }[];
}

function pack(s: MergedServer): PackedServer {
  return { ...s, tools: s.tools.map((t) => ({ json: JSON.stringify(t.definition), origins: t.origins })) };
}

/** The server as merged: JSON.parse of JSON.stringify of a parsed definition gives it back key for key. */
function unpack(s: PackedServer): MergedServer {
  return { ...s, tools: s.tools.map((t) => ({ ...rawToolOf(JSON.parse(t.json) as Parameters<typeof rawToolOf>[0]), origins: t.origins })) };
}

/**
 * Reads and merges a data folder and joins it to the server index; the
 * tools are judged by build(). Until then each tool waits as its
 * definition's JSON text (PackedServer), parsed again when its server is
 * built and let go once its records are made.
 */
export function prepareIngest(dataDir: string, opts: { rules?: CompiledRules; overridesDir?: string; lean?: boolean } = {}): PreparedIngest {
  const rules = opts.rules ?? loadRules();
  const { read, merged } = readAndMerge(dataDir, rules);
  const overrides = loadOverrides(opts.overridesDir);
  // Every catalogued server links to its index entry, and the entry back to it.
  const indexJoin = joinIndex(dataDir, merged.servers.map(indexKeys));
  const toolsWritten = merged.servers.reduce((n, s) => n + s.tools.length, 0);
  const report = reportOf(dataDir, read, merged, indexJoin, toolsWritten, read.issues);
  const owners = opts.lean ? undefined : toolOwners(merged.servers);
  // Only the merged servers are needed from here on, and only as text; the copies they were merged from are not.
  let servers: (PackedServer | undefined)[] | undefined = merged.servers.map(pack);
  const take = (what: string) => {
    if (!servers) throw new Error(`prepareIngest: ${what} after build`);
    return servers;
  };
  return {
    report,
    definitions: () => take('definitions()').flatMap((s) => (s ? definedTools(unpack(s)) : [])),
    build(sink) {
      const inputs = take('build()');
      servers = undefined;
      const out: CatalogueServer[] = [];
      function* each(): Generator<MergedServer> {
        for (let i = 0; i < inputs.length; i++) {
          const packed = inputs[i]!;
          inputs[i] = undefined;
          yield unpack(packed);
        }
      }
      buildInto(rules, each(), { overrides, ...(owners ? { owners } : {}), ...(opts.lean ? { lean: true } : {}) }, {
        tool: (t) => sink.tool(t),
        server(server) {
          const entry = indexJoin.entryOf.get(server.name);
          if (entry) server.indexEntry = entry;
          out.push(server);
          sink.server(server);
        },
      });
      return out;
    },
  };
}

/** The whole catalogue in memory: prepareIngest and build, every tool kept. For tests and the benchmark. */
export function runIngest(dataDir: string, opts: { rules?: CompiledRules; overridesDir?: string; lean?: boolean } = {}): IngestResult {
  const prepared = prepareIngest(dataDir, opts);
  const tools: CatalogueTool[] = [];
  const servers = prepared.build({ tool: (t) => tools.push(t), server: () => {} });
  return { servers, tools, issues: prepared.report.issues, report: prepared.report };
}

/**
 * The tools of a data folder as drift compares them (id, server, name,
 * definition and its hash) without classifying them: read, merged and
 * slugged exactly as runIngest does, so ids and hashes are the same. The
 * report is the one runIngest would give.
 */
export function readDefinitions(dataDir: string, opts: { rules?: CompiledRules } = {}): { tools: DefinedTool[]; report: BuildReport } {
  const rules = opts.rules ?? loadRules();
  const { read, merged } = readAndMerge(dataDir, rules);
  const tools: DefinedTool[] = merged.servers.flatMap(definedTools);
  const indexJoin = joinIndex(dataDir, merged.servers.map(indexKeys));
  return { tools, report: reportOf(dataDir, read, merged, indexJoin, tools.length, read.issues) };
}

function definedTools(s: MergedServer): DefinedTool[] {
  return toolDefinitions(s).map((d) => ({ id: d.id, server: s.meta.name, name: d.tool.name, definition: d.definition, definitionHash: d.definitionHash }));
}

/** What the index join needs of a server: the names of its copies and its repository. */
function indexKeys(s: MergedServer) {
  return { name: s.meta.name, copies: s.copies, ...(s.meta.repository?.url ? { repository: { url: s.meta.repository.url } } : {}) };
}

export type DefinedTool = Pick<CatalogueTool, 'id' | 'server' | 'name' | 'definition' | 'definitionHash'>;

function readAndMerge(dataDir: string, rules: CompiledRules) {
  const read = readSources(dataDir);
  // Placeholder descriptions lose to real ones when copies are merged.
  const merged = mergeServers(read.servers, loadSourceInfos(), (d) => !isPlaceholder(rules, d));
  return { read, merged };
}

function reportOf(
  dataDir: string,
  read: ReturnType<typeof readSources>,
  merged: ReturnType<typeof mergeServers>,
  indexJoin: IndexJoin,
  toolsWritten: number,
  issues: ReportIssue[],
): BuildReport {
  return {
    dataDir,
    counts: {
      servers: merged.servers.length,
      toolsRead: read.toolsRead,
      toolsWritten,
      toolsReported: read.toolsReported,
      toolsDropped: merged.dropped.length,
      serverCopies: read.servers.length,
      mergedServers: merged.mergedServers,
      serversWithoutIndexEntry: indexJoin.unmatched.length,
      errors: issues.filter((i) => i.level === 'error').length,
      warnings: issues.filter((i) => i.level === 'warning').length,
      indexServers: indexJoin.indexServers,
    },
    sources: merged.sources,
    dropped: merged.dropped,
    issues,
  };
}

/** "tools in = tools out + tools reported + duplicates dropped" must hold for every run, and per source. */
export function balanced(report: BuildReport): boolean {
  const c = report.counts;
  if (c.toolsRead !== c.toolsWritten + c.toolsReported + c.toolsDropped) return false;
  return report.sources.every((s) => s.toolsRead === s.toolsWritten + s.toolsReported + s.duplicatesDropped);
}
