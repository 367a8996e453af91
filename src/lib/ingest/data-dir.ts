/**
 * Where the input data lives: `--data <dir>` beats env CATALOGUE_DATA beats
 * the default ../shared/data beside the repository.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root. From source files it is three levels up; inside
 * Astro's bundled build output that relative path points elsewhere, so fall
 * back to the working directory (npm scripts always run from the root).
 */
function findRepoRoot(): string {
  const fromSource = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
  if (existsSync(join(fromSource, 'catalogue', 'rules'))) return fromSource;
  return process.env.TOOLRISK_ROOT ?? process.cwd();
}

export const REPO_ROOT = findRepoRoot();
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data');
export const DEFAULT_OUT_DIR = resolve(REPO_ROOT, 'generated/catalogue');

export function flagValue(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(flag + '='));
  return eq ? eq.slice(flag.length + 1) : undefined;
}

export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const fromFlag = flagValue(argv, '--data');
  if (fromFlag) return resolve(fromFlag);
  if (env.CATALOGUE_DATA) return resolve(env.CATALOGUE_DATA);
  return DEFAULT_DATA_DIR;
}
