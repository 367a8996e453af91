/**
 * Where the input data lives: `--data <dir>` beats env CATALOGUE_DATA beats
 * the default ../shared/data beside the repository.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
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
