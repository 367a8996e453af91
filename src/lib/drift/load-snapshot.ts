/**
 * Reads one snapshot (a data folder) for drift comparison, refusing a path
 * that is not a data folder (see snapshot-dir.ts for why).
 */
import { resolve } from 'node:path';
import type { BuildReport, CatalogueTool } from '../../schemas/catalogue.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { dataDirProblem, SnapshotError } from './snapshot-dir.ts';

export { dataDirProblem, SnapshotError };

export interface Snapshot {
  dataDir: string;
  tools: CatalogueTool[];
  report: BuildReport;
}

/**
 * Lean ingest of a data folder: only the definitions matter for drift, so the
 * page-only extras (poisoning scan, shadowing) are skipped.
 */
export function loadSnapshot(dataDir: string, opts: { overridesDir?: string } = {}): Snapshot {
  const dir = resolve(dataDir);
  const problem = dataDirProblem(dir);
  if (problem) throw new SnapshotError(problem);
  const { tools, report } = runIngest(dir, { lean: true, ...(opts.overridesDir ? { overridesDir: opts.overridesDir } : {}) });
  return { dataDir: dir, tools, report };
}
