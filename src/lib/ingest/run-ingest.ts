/**
 * One ingest run: read the data folder, build the catalogue, assemble the
 * report with counts in and out. Used by scripts/ingest.ts, the benchmark and
 * the tests, so all three exercise the same code.
 */
import type { BuildReport } from '../../schemas/catalogue.ts';
import { loadRules, type CompiledRules } from '../rules/load-rules.ts';
import { buildCatalogue, type CatalogueBuild } from './build-catalogue.ts';
import { loadOverrides } from './overrides.ts';
import { readSources } from './read-sources.ts';
import { countIndexServers } from './count-index.ts';

export interface IngestResult extends CatalogueBuild {
  report: BuildReport;
}

export function runIngest(dataDir: string, opts: { rules?: CompiledRules; overridesDir?: string; lean?: boolean } = {}): IngestResult {
  const rules = opts.rules ?? loadRules();
  const read = readSources(dataDir);
  const overrides = loadOverrides(opts.overridesDir);
  const built = buildCatalogue(rules, read.servers, { overrides, ...(opts.lean ? { lean: true } : {}) });
  const issues = [...read.issues, ...built.issues];
  const report: BuildReport = {
    dataDir,
    counts: {
      servers: built.servers.length,
      toolsRead: read.toolsRead,
      toolsWritten: built.tools.length,
      toolsReported: read.toolsReported,
      errors: issues.filter((i) => i.level === 'error').length,
      warnings: issues.filter((i) => i.level === 'warning').length,
      indexServers: countIndexServers(dataDir),
    },
    issues,
  };
  return { ...built, issues, report };
}

/** "tools in = tools out + tools reported" must hold for every run. */
export function balanced(report: BuildReport): boolean {
  return report.counts.toolsRead === report.counts.toolsWritten + report.counts.toolsReported;
}
