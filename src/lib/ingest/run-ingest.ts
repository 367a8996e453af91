/**
 * One ingest run: read the data folder, build the catalogue, assemble the
 * report with counts in and out. Used by scripts/ingest.ts, the benchmark and
 * the tests, so all three exercise the same code.
 */
import type { BuildReport } from '../../schemas/catalogue.ts';
import { loadRules, type CompiledRules } from '../rules/load-rules.ts';
import { buildCatalogue, type CatalogueBuild } from './build-catalogue.ts';
import { mergeServers } from './merge-servers.ts';
import { isPlaceholder } from '../classify/description-stage.ts';
import { joinIndex } from './index-join.ts';
import { loadSourceInfos } from './source-infos.ts';
import { loadOverrides } from './overrides.ts';
import { readSources } from './read-sources.ts';

export interface IngestResult extends CatalogueBuild {
  report: BuildReport;
}

export function runIngest(dataDir: string, opts: { rules?: CompiledRules; overridesDir?: string; lean?: boolean } = {}): IngestResult {
  const rules = opts.rules ?? loadRules();
  const read = readSources(dataDir);
  const merged = mergeServers(read.servers, loadSourceInfos(), (d) => !isPlaceholder(rules, d));
  const overrides = loadOverrides(opts.overridesDir);
  const built = buildCatalogue(rules, merged.servers, { overrides, ...(opts.lean ? { lean: true } : {}) });
  const toolsDropped = merged.dropped.length;
  // Every catalogued server links to its index entry, and the entry back to it.
  const indexJoin = joinIndex(dataDir, built.servers);
  for (const s of built.servers) {
    const entry = indexJoin.entryOf.get(s.name);
    if (entry) s.indexEntry = entry;
  }
  const issues = [...read.issues, ...built.issues];
  const report: BuildReport = {
    dataDir,
    counts: {
      servers: built.servers.length,
      toolsRead: read.toolsRead,
      toolsWritten: built.tools.length,
      toolsReported: read.toolsReported,
      toolsDropped,
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
  return { ...built, issues, report };
}

/** "tools in = tools out + tools reported + duplicates dropped" must hold for every run, and per source. */
export function balanced(report: BuildReport): boolean {
  const c = report.counts;
  if (c.toolsRead !== c.toolsWritten + c.toolsReported + c.toolsDropped) return false;
  return report.sources.every((s) => s.toolsRead === s.toolsWritten + s.toolsReported + s.duplicatesDropped);
}
