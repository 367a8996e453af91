/**
 * The about page's comparison with Intercept's shipped policy files: their
 * category for a tool next to ours. The files are read in place from the
 * data directory's reference folder at build time; when that folder is
 * missing the page says so instead of failing the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { loadConfig } from '../config.ts';
import { compareInterceptCategories, firstSentence, interceptFileMatch, readInterceptPolicyFiles, type InterceptComparison } from '../policy/intercept-categories.ts';
import { catalogueDir, readCatalogueServers } from './read-catalogue.ts';

export const INTERCEPT_REPO_URL = 'https://github.com/PolicyLayer/Intercept';

/** Where the policy files live: <data dir>/reference/intercept-policies. */
export function interceptPoliciesDir(dataDir = loadConfig().dataDir): string {
  return join(dataDir, 'reference', 'intercept-policies');
}

export type InterceptComparisonResult = ({ available: true } & InterceptComparison) | { available: false; dir: string };

/** The short reason shown for our category: the rationale's first sentence, else the strongest evidence for the category. */
export function shortReason(t: Pick<CatalogueTool, 'rationale' | 'evidence' | 'category'>): string {
  if (t.rationale.trim()) return firstSentence(t.rationale);
  const ev = t.evidence.filter((e) => e.supports === t.category).sort((a, b) => b.weight - a.weight)[0];
  return ev ? `${ev.source} “${ev.text}”: ${ev.note}` : '';
}

export function interceptComparison(opts: { policiesDir?: string; catalogue?: string } = {}): InterceptComparisonResult {
  const dir = opts.policiesDir ?? interceptPoliciesDir();
  if (!existsSync(dir)) return { available: false, dir };
  const files = readInterceptPolicyFiles(dir);
  const catalogue = opts.catalogue ?? catalogueDir();
  const servers = readCatalogueServers(catalogue);
  // Only the servers some file could be about are read, not every tool file in the catalogue.
  const candidates = servers.filter((s) => files.some((f) => interceptFileMatch(f, s)));
  const tools = candidates.flatMap((s) => {
    const file = join(catalogue, 'tools', `${s.slug}.json`);
    if (!existsSync(file)) return [];
    return (JSON.parse(readFileSync(file, 'utf8')) as CatalogueTool[]).map((t) => ({ name: t.name, server: t.server, serverSlug: t.serverSlug, serverTitle: t.serverTitle, slug: t.slug, category: t.category, reason: shortReason(t) }));
  });
  return { available: true, ...compareInterceptCategories(files, candidates, tools) };
}

/**
 * The differences split for reading: where Intercept names a category and we
 * name another, and the tools it leaves under "Other" (which we never use).
 */
export function splitDifferences(result: InterceptComparisonResult): { named: InterceptComparison['differences']; unnamed: InterceptComparison['differences'] } {
  if (!result.available) return { named: [], unnamed: [] };
  return { named: result.differences.filter((d) => d.intercept !== 'Other'), unnamed: result.differences.filter((d) => d.intercept === 'Other') };
}
