/**
 * Is a path a data folder? Kept free of the ingest imports so `npm run diff`
 * can reject bad arguments before it loads the classifier.
 *
 * A wrong path must fail loudly: ingest treats a folder without manifests/ as
 * "no tools", and a diff against nothing would report every tool as added.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
