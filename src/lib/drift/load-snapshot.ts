/**
 * Reads one snapshot (a data folder) for drift comparison, refusing a path
 * that is not a data folder (see snapshot-dir.ts for why).
 */
import { resolve } from 'node:path';
import type { BuildReport } from '../../schemas/catalogue.ts';
import { readDefinitions, type DefinedTool } from '../ingest/run-ingest.ts';
import { dataDirProblem, SnapshotError } from './snapshot-dir.ts';

export { dataDirProblem, SnapshotError };

export interface Snapshot {
  dataDir: string;
  tools: DefinedTool[];
  report: BuildReport;
}

/**
 * The tools of a data folder as drift compares them: ids and definition
 * hashes, read and merged as ingest does but never classified (only the
 * definitions matter for drift).
 */
export function loadSnapshot(dataDir: string): Snapshot {
  const dir = resolve(dataDir);
  const problem = dataDirProblem(dir);
  if (problem) throw new SnapshotError(problem);
  const { tools, report } = readDefinitions(dir);
  return { dataDir: dir, tools, report };
}
