/**
 * Folds one official-registry server into one index entry (new or existing),
 * following the rules of `index/README.md`: the official registry is the
 * highest-priority source, so whatever it states wins; everything it does not
 * state (categories, stars, listings, other sources' packages) is kept.
 *
 * Pure functions only: the same inputs always give the same entry, which is
 * what makes a second sync with the same pages a no-op.
 */
import type { IndexServer, ServerJson } from '../../schemas/server-json.ts';
import type { OfficialMeta } from './registry-response.ts';

export const OFFICIAL_SOURCE = 'official-registry';

/** The index stores descriptions whitespace-collapsed and at most this long. */
const MAX_DESCRIPTION = 500;

/** Key order of index lines (as in `index/README.md`); unknown keys follow. */
const ENTRY_KEY_ORDER = ['name', 'title', 'description', 'repository', 'version', 'packages', 'websiteUrl', 'remotes', '_meta'];
const CATALOGUE_KEY_ORDER = [
  'sources',
  'descriptionSource',
  'categories',
  'toolCount',
  'stars',
  'updatedAt',
  'listings',
  'registryNames',
  'repositoryInferred',
  'confidence',
];

type Catalogue = NonNullable<NonNullable<IndexServer['_meta']>['catalogue']>;
type Package = NonNullable<IndexServer['packages']>[number];
type Remote = NonNullable<IndexServer['remotes']>[number];

/**
 * @param existing the index entry this server belongs to, if any
 * @param server the registry's `server.json`
 * @param official the registry's bookkeeping (`updatedAt`, ...)
 */
export function mergeRegistryServer(existing: IndexServer | undefined, server: ServerJson, official: OfficialMeta): IndexServer {
  const merged: Record<string, unknown> = { ...(existing ?? { name: server.name }) };
  const oldCatalogue: Catalogue = existing?._meta?.catalogue ?? {};
  const catalogue: Record<string, unknown> = { ...oldCatalogue };

  const title = stated(server.title);
  if (title) merged.title = title;

  const description = stated(server.description) && collapseDescription(server.description);
  if (description) {
    merged.description = description;
    catalogue.descriptionSource = OFFICIAL_SOURCE;
  }

  const repository = statedRepository(server.repository);
  if (repository) {
    merged.repository = repository;
    // The URL is now stated by the publisher, no longer rebuilt from a directory slug.
    delete catalogue.repositoryInferred;
  }

  const version = stated(server.version);
  if (version) merged.version = version;

  const websiteUrl = stated(server.websiteUrl);
  if (websiteUrl) merged.websiteUrl = websiteUrl;

  const packages = mergePackages(server.packages, existing?.packages);
  if (packages) merged.packages = packages;

  const remotes = mergeRemotes(server.remotes, existing?.remotes);
  if (remotes) merged.remotes = remotes;

  const sources = oldCatalogue.sources ?? [];
  // The official registry heads the index's source priority list, so it goes first.
  catalogue.sources = sources.includes(OFFICIAL_SOURCE) ? sources : [OFFICIAL_SOURCE, ...sources];
  const registryNames = oldCatalogue.registryNames ?? [];
  catalogue.registryNames = registryNames.includes(server.name) ? registryNames : [...registryNames, server.name];
  const updatedAt = latestTimestamp(oldCatalogue.updatedAt, normaliseTimestamp(official.updatedAt ?? official.publishedAt));
  if (updatedAt) catalogue.updatedAt = updatedAt;
  // README: "high" = a curated registry lists it with a stated identifier.
  catalogue.confidence = 'high';

  merged._meta = { ...(existing?._meta ?? {}), catalogue: ordered(catalogue, CATALOGUE_KEY_ORDER) };
  return ordered(merged, ENTRY_KEY_ORDER) as IndexServer;
}

/** Registry servers without a value send `""`; that states nothing. */
function stated(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/** Index rule: whitespace collapsed, at most 500 characters, a cut ends with "…". */
export function collapseDescription(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = [...collapsed];
  if (chars.length <= MAX_DESCRIPTION) return collapsed;
  return `${chars.slice(0, MAX_DESCRIPTION - 1).join('').trimEnd()}…`;
}

/** Remote-only servers often carry `{"url": "", "source": ""}`: no repository. */
function statedRepository(repository: ServerJson['repository']): IndexServer['repository'] {
  if (!repository || !stated(repository.url)) return undefined;
  const kept = Object.entries(repository).filter(([, value]) => !(typeof value === 'string' && value.trim() === ''));
  return Object.fromEntries(kept) as IndexServer['repository'];
}

/**
 * The index keeps one `{registryType, identifier}` per registry type, the
 * official registry's first; types only other sources know are kept after it.
 */
function mergePackages(fromRegistry: ServerJson['packages'], existing: IndexServer['packages']): Package[] | undefined {
  if (!fromRegistry?.length) return existing;
  const byType = new Map<string, Package>();
  for (const pkg of fromRegistry) {
    if (!byType.has(pkg.registryType)) byType.set(pkg.registryType, { registryType: pkg.registryType, identifier: pkg.identifier });
  }
  for (const pkg of existing ?? []) {
    if (!byType.has(pkg.registryType)) byType.set(pkg.registryType, pkg);
  }
  return [...byType.values()];
}

/** Remotes as `{type, url}`, the registry's first, others' kept when their URL differs. */
function mergeRemotes(fromRegistry: ServerJson['remotes'], existing: IndexServer['remotes']): Remote[] | undefined {
  if (!fromRegistry?.length) return existing;
  const byUrl = new Map<string, Remote>();
  for (const remote of fromRegistry) {
    if (stated(remote.url) && !byUrl.has(remote.url)) byUrl.set(remote.url, { type: remote.type, url: remote.url });
  }
  for (const remote of existing ?? []) {
    if (!byUrl.has(remote.url)) byUrl.set(remote.url, remote);
  }
  return byUrl.size ? [...byUrl.values()] : existing;
}

/** `2025-09-10T13:57:43.123456Z` → `2025-09-10T13:57:43Z`, the index's format. */
export function normaliseTimestamp(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** README: `updatedAt` is the latest date any source states. */
function latestTimestamp(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a ?? b;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta)) return b;
  if (Number.isNaN(tb)) return a;
  return tb > ta ? b : a;
}

function ordered(object: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (object[key] !== undefined) result[key] = object[key];
  for (const [key, value] of Object.entries(object)) if (!(key in result) && value !== undefined) result[key] = value;
  return result;
}

/**
 * The name the index would give a server from its repository
 * (`io.github.<owner>/<repo>[/<subfolder>]`, other forges by reversed host),
 * used to find an entry the index keyed by repository rather than by the
 * registry name. `undefined` when the URL is not a forge `owner/repo` URL.
 */
export function repositoryIndexName(repository: ServerJson['repository']): string | undefined {
  if (!repository || !stated(repository.url)) return undefined;
  let url: URL;
  try {
    url = new URL(repository.url.replace(/^git\+/, ''));
  } catch {
    return undefined;
  }
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const namespace = host === 'github.com' ? 'io.github' : host.split('.').reverse().join('.');
  const base = `${namespace}.${owner.toLowerCase()}/${repo.toLowerCase().replace(/\.git$/, '')}`;
  const subfolder = repository.subfolder?.replace(/^\.?\/+|\/+$/g, '').toLowerCase();
  return subfolder ? `${base}/${subfolder}` : base;
}
