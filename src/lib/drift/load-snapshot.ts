/**
 * Reads one snapshot (a data folder) for drift comparison. A wrong path must
 * fail loudly: ingest treats a folder without manifests/ as "no tools", and a
 * diff against nothing would report every tool as added.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BuildReport, CatalogueTool } from '../../schemas/catalogue.ts';
import { runIngest } from '../ingest/run-ingest.ts';

/** The input was not a usable data folder; the CLI maps this to exit code 2. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Why `dir` is not a data folder, or undefined when it is one. */
export function dataDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return `${dir} does not exist`;
  if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
  const manifests = join(dir, 'manifests');
  if (!existsSync(manifests) || !statSync(manifests).isDirectory()) return `${dir} is not a data folder (no manifests/ folder in it)`;
  return undefined;
}

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
