/**
 * A fingerprint of everything an ingest reads: the input data (manifests and
 * the server index, and the previous snapshot's manifests when drift is
 * asked for), the rule files, overrides and source list, and the code that
 * turns them into the catalogue. When the fingerprint of a run equals the one
 * stored beside the catalogue it wrote last time, no definition, rule or line
 * of code changed, so every analysis in that catalogue still holds and the
 * run can keep it instead of judging 25,000 tools again.
 *
 * Content, not timestamps: a checkout or a copy that touches files without
 * changing them still hits, and an edit that keeps the size still misses.
 * Hashing the ~55 MB of shared input takes about a tenth of a second.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, SOURCES_FILE } from '../config.ts';

/** Bump when the catalogue format changes in a way the code hash would not show. */
const FORMAT = 'toolrisk-ingest-1';
export const FINGERPRINT_FILE = '.ingest-fingerprint';

function addTree(hash: Hash, root: string, dir: string, keep: (path: string) => boolean): void {
  if (!existsSync(dir)) {
    hash.update(`missing ${relative(root, dir)}\n`);
    return;
  }
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) addTree(hash, root, path, keep);
    else if (e.isFile() && keep(path)) {
      // Path and length first, so two files cannot run together into one.
      const bytes = readFileSync(path);
      hash.update(`${relative(root, path)}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
}

export interface FingerprintInputs {
  dataDir: string;
  previousDir?: string;
  /** Options that change the output (for example lean runs). */
  options?: Record<string, unknown>;
}

export function ingestFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\n${JSON.stringify(inputs.options ?? {})}\n`);
  // The code and the editorial inputs of the catalogue. Tests, pages and
  // labels do not change what ingest writes.
  const code = (p: string) => p.endsWith('.ts') && !p.endsWith('.test.ts');
  addTree(hash, REPO_ROOT, join(REPO_ROOT, 'src', 'lib'), code);
  addTree(hash, REPO_ROOT, join(REPO_ROOT, 'src', 'schemas'), code);
  addTree(hash, REPO_ROOT, join(REPO_ROOT, 'scripts'), (p) => p.endsWith('ingest.ts'));
  for (const part of ['rules', 'overrides', 'attack-patterns']) addTree(hash, REPO_ROOT, join(REPO_ROOT, 'catalogue', part), () => true);
  hash.update(existsSync(SOURCES_FILE) ? readFileSync(SOURCES_FILE) : 'no sources file');
  for (const [label, dir] of [['data', inputs.dataDir], ['previous', inputs.previousDir]] as const) {
    if (!dir) continue;
    hash.update(`${label}\n`);
    addTree(hash, dir, join(dir, 'manifests'), () => true);
    if (label === 'data') addTree(hash, dir, join(dir, 'index'), () => true);
  }
  return hash.digest('hex');
}

/** True when `outDir` holds a whole catalogue written from exactly these inputs. */
export function catalogueIsCurrent(outDir: string, fingerprint: string): boolean {
  const file = join(outDir, FINGERPRINT_FILE);
  if (!existsSync(file) || readFileSync(file, 'utf8').trim() !== fingerprint) return false;
  return ['report.json', 'servers.json', 'tools'].every((f) => existsSync(join(outDir, f))) && statSync(join(outDir, 'tools')).isDirectory();
}
