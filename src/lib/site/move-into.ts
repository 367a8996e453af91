/**
 * Moving finished output into dist/. scripts/build.ts makes the search
 * bundles and the API files beside `astro build`, in a staging folder
 * (astro empties dist/ when it starts), and postbuild moves them in. A
 * rename when both sit on one file system (the staging folder is beside
 * the catalogue), else a copy: at 100,000 tools the tools bundle alone is
 * over 100,000 files, and copying them took seconds a rename does not.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

function rename(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Puts `from` at `to`, replacing whatever was there. */
export function replaceWith(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  rename(from, to);
}

/**
 * Merges the tree at `from` into `to`: folders that exist on both sides are
 * merged, anything else is moved over. A file that already exists in `to`
 * is kept (an astro page is never replaced by a staged redirect of the same
 * path) and the staged one dropped. Returns how many entries were moved.
 */
export function mergeInto(from: string, to: string): number {
  let moved = 0;
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (!existsSync(target)) {
      rename(source, target);
      moved++;
    } else if (statSync(target).isDirectory() && statSync(source).isDirectory()) {
      moved += mergeInto(source, target);
    }
  }
  return moved;
}
