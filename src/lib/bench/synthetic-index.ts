/**
 * A generated server index of any size, for measuring the search build
 * beyond the 37k servers we have. Every real entry is kept; extra entries
 * are variations of real ones (new unique names and repositories, words of
 * the description and title drawn from other entries), so the vocabulary,
 * lengths and filter mix stay realistic. Deterministic for a given input.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './generate-manifests.ts';

/**
 * Writes `<dataDir>/index/servers.jsonl` with `total` entries built from the
 * real index file `source`. Returns the number of lines written.
 */
export function writeSyntheticIndex(source: string, dataDir: string, total: number): number {
  type Entry = Record<string, unknown> & { name: string; title?: string; description?: string };
  const lines: string[] = readFileSync(source, 'utf8').split('\n').filter((l: string) => l.trim() !== '');
  const real: Entry[] = lines.map((l) => JSON.parse(l) as Entry);
  const random = prng(43_000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out = [...lines];
  for (let n = 0; out.length < total; n++) {
    const base = pick(real);
    const other = pick(real);
    const owner = `synth${n.toString(36)}`;
    const repo = String(base.name.split('/').pop() ?? 'server').toLowerCase();
    const words = `${base.description ?? ''} ${other.description ?? ''}`.split(/\s+/).filter(Boolean);
    const description = words.length ? words.slice(0, 8 + Math.floor(random() * 60)).join(' ').slice(0, 500) : undefined;
    const entry: Record<string, unknown> = {
      ...base,
      name: `io.github.${owner}/${repo}`,
      title: `${base.title ?? repo} ${other.title ?? ''}`.trim().slice(0, 100),
      repository: { url: `https://github.com/${owner}/${repo}`, source: 'github' },
    };
    if (description) entry.description = description;
    else delete entry.description;
    out.push(JSON.stringify(entry));
  }
  mkdirSync(join(dataDir, 'index'), { recursive: true });
  writeFileSync(join(dataDir, 'index', 'servers.jsonl'), out.slice(0, total).join('\n') + '\n');
  return Math.min(out.length, total);
}
