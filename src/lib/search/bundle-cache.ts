/**
 * A cache of finished Pagefind bundles, keyed by everything that goes into
 * one: the records, the Pagefind version and the source of the bundle
 * writer. Rebuilding the site with the same index data (the usual case: a
 * rule or page changed, the 37k-server index did not) then copies the
 * index bundle instead of spending 20-30 s in Pagefind. Files are hard
 * links where the file system allows (nothing ever edits a bundle file in
 * place; a rebuild replaces the folder), copies otherwise.
 *
 * Lives in node_modules/.cache/toolrisk-search/ (TOOLRISK_SEARCH_CACHE=<dir>
 * to move it, TOOLRISK_SEARCH_CACHE=off to disable). Keeps the two newest
 * bundles per name.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../config.ts';
import type { SearchRecord } from './records.ts';

const KEEP = 2;

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.TOOLRISK_SEARCH_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  return setting || join(REPO_ROOT, 'node_modules', '.cache', 'toolrisk-search');
}

let writerHash: string | undefined;
function codeVersion(): string {
  if (writerHash === undefined) {
    const h = createHash('sha256');
    for (const file of ['./pagefind-bundle.ts', './compact-bundle.ts', './cbor.ts']) h.update(readFileSync(fileURLToPath(new URL(file, import.meta.url))));
    h.update(readFileSync(join(REPO_ROOT, 'node_modules', 'pagefind', 'package.json')));
    writerHash = h.digest('hex') as string;
  }
  return writerHash;
}

export function bundleKey(records: readonly SearchRecord[]): string {
  const h = createHash('sha256');
  h.update(codeVersion());
  for (const r of records) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex').slice(0, 24);
}

/** Copies a folder tree, hard-linking files when it can. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dest = join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dest);
    else {
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
      }
    }
  }
}

/** Puts a cached bundle at `outputPath`; false when there is none. */
export function restoreBundle(root: string | undefined, name: string, key: string, outputPath: string): boolean {
  if (!root) return false;
  const dir = join(root, `${name}-${key}`);
  if (!existsSync(join(dir, 'pagefind-entry.json'))) return false;
  rmSync(outputPath, { recursive: true, force: true });
  linkTree(dir, outputPath);
  const now = new Date();
  utimesSync(dir, now, now);
  return true;
}

export function storeBundle(root: string | undefined, name: string, key: string, outputPath: string): void {
  if (!root) return;
  try {
    mkdirSync(root, { recursive: true });
    const dir = join(root, `${name}-${key}`);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    linkTree(outputPath, tmp);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    const mine = (readdirSync(root) as string[])
      .filter((f) => f.startsWith(`${name}-`) && !f.includes('.tmp-'))
      .map((f) => ({ f, t: statSync(join(root, f)).mtimeMs as number }))
      .sort((a, b) => b.t - a.t);
    for (const old of mine.slice(KEEP)) rmSync(join(root, old.f), { recursive: true, force: true });
  } catch (error) {
    // A cache that cannot be written only costs time next build.
    console.warn(`search: could not cache the ${name} bundle: ${(error as Error).message}`);
  }
}
