/**
 * Walks `GET {base}/v0.1/servers` page by page, following `metadata.nextCursor`.
 */
import { fetchJson, FetchJsonError, type FetchJsonOptions } from './fetch-json.ts';
import { registryPageSchema } from './registry-response.ts';
import { formatZodError } from '../config.ts';

export interface RegistryPagesOptions extends FetchJsonOptions {
  /** e.g. `https://registry.modelcontextprotocol.io` (a path prefix is kept). */
  baseUrl: string;
  /** Page size asked for; the registry may cap it. */
  limit: number;
  /** RFC 3339 timestamp: only servers updated since then (incremental sync). */
  updatedSince?: string;
  /** Safety stop for a registry that keeps handing out cursors. */
  maxPages?: number;
}

export interface FetchedPage {
  /** 1-based, for reports. */
  number: number;
  url: string;
  servers: unknown[];
}

/** A page that came back but cannot be used; the run must not guess. */
export class MalformedPageError extends Error {
  readonly url: string;
  constructor(url: string, problem: string) {
    super(`${url}: malformed registry page: ${problem}`);
    this.name = 'MalformedPageError';
    this.url = url;
  }
}

export function pageUrl(options: Pick<RegistryPagesOptions, 'baseUrl' | 'limit' | 'updatedSince'>, cursor?: string): string {
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/v0.1/servers`);
  url.searchParams.set('limit', String(options.limit));
  // Documented filter of the official registry; `isLatest` is still checked
  // per entry for registries that ignore it.
  url.searchParams.set('version', 'latest');
  if (options.updatedSince) url.searchParams.set('updated_since', options.updatedSince);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.toString();
}

export async function* registryPages(options: RegistryPagesOptions): AsyncGenerator<FetchedPage> {
  const maxPages = options.maxPages ?? 10_000;
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  for (let number = 1; ; number++) {
    const url = pageUrl(options, cursor);
    let body: unknown;
    try {
      body = await fetchJson(url, options);
    } catch (error) {
      if (error instanceof FetchJsonError && error.failure === 'not-json') throw new MalformedPageError(url, error.reason);
      throw error;
    }
    const page = registryPageSchema.safeParse(body);
    if (!page.success) throw new MalformedPageError(url, formatZodError(page.error));
    yield { number, url, servers: page.data.servers };

    const next = page.data.metadata?.nextCursor;
    if (!next) return;
    if (seenCursors.has(next)) throw new MalformedPageError(url, `cursor "${next}" was already used (the listing loops)`);
    if (number >= maxPages) throw new MalformedPageError(url, `still more pages after ${maxPages}; giving up`);
    seenCursors.add(next);
    cursor = next;
  }
}
