/**
 * One ingest run: read the data folder, build the catalogue, assemble the
 * report with counts in and out. Used by scripts/ingest.ts, the benchmark and
 * the tests, so all three exercise the same code.
 */
import type { BuildReport, CatalogueTool, ReportIssue } from '../../schemas/catalogue.ts';
import { loadRules, type CompiledRules } from '../rules/load-rules.ts';
import { buildCatalogue, toolDefinitions, type CatalogueBuild } from './build-catalogue.ts';
import { mergeServers } from './merge-servers.ts';
import { isPlaceholder } from '../classify/description-stage.ts';
import { joinIndex, type IndexJoin } from './index-join.ts';
import { loadSourceInfos } from './source-infos.ts';
import { loadOverrides } from './overrides.ts';
import { readSources } from './read-sources.ts';

export interface IngestResult extends CatalogueBuild {
  report: BuildReport;
}

export function runIngest(dataDir: string, opts: { rules?: CompiledRules; overridesDir?: string; lean?: boolean } = {}): IngestResult {
  const rules = opts.rules ?? loadRules();
  const { read, merged } = readAndMerge(dataDir, rules);
  const overrides = loadOverrides(opts.overridesDir);
  const built = buildCatalogue(rules, merged.servers, { overrides, ...(opts.lean ? { lean: true } : {}) });
  // Every catalogued server links to its index entry, and the entry back to it.
  const indexJoin = joinIndex(dataDir, built.servers);
  for (const s of built.servers) {
    const entry = indexJoin.entryOf.get(s.name);
    if (entry) s.indexEntry = entry;
  }
  const issues = [...read.issues, ...built.issues];
  return { ...built, issues, report: reportOf(dataDir, read, merged, indexJoin, built.tools.length, issues) };
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
  const tools: DefinedTool[] = merged.servers.flatMap((s) =>
    toolDefinitions(s).map((d) => ({ id: d.id, server: s.meta.name, name: d.tool.name, definition: d.definition, definitionHash: d.definitionHash })),
  );
  const indexJoin = joinIndex(dataDir, merged.servers.map((s) => ({ name: s.meta.name, copies: s.copies, ...(s.meta.repository?.url ? { repository: { url: s.meta.repository.url } } : {}) })));
  return { tools, report: reportOf(dataDir, read, merged, indexJoin, tools.length, read.issues) };
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
