/**
 * `index:sync`: merges the official MCP Registry listing into an index file.
 *
 * Failure policy: a page that cannot be fetched or read stops the run. By
 * default nothing is written then, because an index that silently holds half
 * a sync looks complete to the next reader. With `partial: true` the servers
 * merged so far are written (each merge is complete and idempotent, so the
 * next full run simply carries on) and the run still fails.
 * A single invalid server is not a failure: it is reported and skipped.
 */
import { existsSync } from 'node:fs';
import { readIndexFile, renderIndex, writeFileAtomically, type IndexRecord } from './index-file.ts';
import { sameJson } from './index-line-format.ts';
import { IndexLookup } from './index-lookup.ts';
import { mergeRegistryServer } from './merge-registry-server.ts';
import { checkRegistryEntry, skipReason } from './registry-response.ts';
import { registryPages, type FetchedPage, type RegistryPagesOptions } from './registry-pages.ts';
import type { IndexServer } from '../../schemas/server-json.ts';

export interface SyncCounts {
  pages: number;
  /** Registry entries read, valid or not. */
  seen: number;
  /** Index entries created, changed, or touched without any change. */
  added: number;
  changed: number;
  unchanged: number;
  invalid: number;
  skippedNotLatest: number;
  skippedDeleted: number;
}

export interface SyncSummary extends SyncCounts {
  outFile: string;
  /** Whether the index file was (re)written. */
  written: boolean;
}

export interface InvalidServer {
  page: number;
  /** 0-based position on the page. */
  position: number;
  name: string;
  problem: string;
}

export interface SyncReporter {
  page?(page: FetchedPage, counts: SyncCounts): void;
  invalid?(info: InvalidServer): void;
  retry?(info: { url: string; attempt: number; reason: string; delayMs: number }): void;
}

export interface SyncOptions extends Omit<RegistryPagesOptions, 'onRetry'> {
  outFile: string;
  partial: boolean;
  reporter?: SyncReporter;
}

export class SyncFailedError extends Error {
  readonly summary: SyncSummary;
  constructor(cause: unknown, summary: SyncSummary) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(message, { cause });
    this.name = 'SyncFailedError';
    this.summary = summary;
  }
}

export async function syncIndex(options: SyncOptions): Promise<SyncSummary> {
  const fileExisted = existsSync(options.outFile);
  const records = await readIndexFile(options.outFile);
  const lookup = new IndexLookup(records);
  const counts: SyncCounts = { pages: 0, seen: 0, added: 0, changed: 0, unchanged: 0, invalid: 0, skippedNotLatest: 0, skippedDeleted: 0 };
  // Every entry this run touched: what it was before (undefined: created now)
  // and where it stands, kept up to date per server so counting stays O(1).
  const touched = new Map<IndexRecord, { original: IndexServer | undefined; status: 'added' | 'changed' | 'unchanged' }>();

  const setStatus = (record: IndexRecord, original: IndexServer | undefined, status: 'added' | 'changed' | 'unchanged'): void => {
    const previous = touched.get(record);
    if (previous) counts[previous.status]--;
    touched.set(record, { original, status });
    counts[status]++;
  };

  const mergePage = (page: FetchedPage): void => {
    page.servers.forEach((raw, position) => {
      counts.seen++;
      const check = checkRegistryEntry(raw);
      if (!check.ok) {
        counts.invalid++;
        options.reporter?.invalid?.({ page: page.number, position, name: check.name, problem: check.problem });
        return;
      }
      const { server, official } = check.entry;
      const skip = skipReason(official);
      if (skip === 'not latest') counts.skippedNotLatest++;
      if (skip === 'deleted') counts.skippedDeleted++;
      if (skip) return;

      const record = lookup.find(server);
      if (record) {
        const original = touched.has(record) ? touched.get(record)!.original : record.value;
        record.value = mergeRegistryServer(record.value, server, official);
        lookup.remember(record);
        if (original === undefined) setStatus(record, undefined, 'added');
        else setStatus(record, original, sameJson(original, record.value) ? 'unchanged' : 'changed');
      } else {
        const created: IndexRecord = { value: mergeRegistryServer(undefined, server, official) };
        records.push(created);
        lookup.remember(created);
        setStatus(created, undefined, 'added');
      }
    });
  };

  const write = async (): Promise<boolean> => {
    for (const [record, { original, status }] of touched) {
      if (status === 'unchanged') {
        // Same content (perhaps in another key order): keep the line as it was.
        record.value = original!;
      } else {
        record.raw = undefined;
      }
    }
    // Nothing new: leave the file (and its timestamp) alone.
    if (counts.added === 0 && counts.changed === 0 && fileExisted) return false;
    await writeFileAtomically(options.outFile, renderIndex(records));
    return true;
  };

  try {
    for await (const page of registryPages({ ...options, onRetry: options.reporter?.retry })) {
      counts.pages++;
      mergePage(page);
      options.reporter?.page?.(page, { ...counts });
    }
  } catch (error) {
    const written = options.partial ? await write() : false;
    throw new SyncFailedError(error, { ...counts, outFile: options.outFile, written });
  }
  const written = await write();
  return { ...counts, outFile: options.outFile, written };
}
