/**
 * Command-line settings of `npm run index:sync`, kept apart from the script so
 * the precedence rules (flag, then environment, then default) are testable.
 */
import { join, resolve } from 'node:path';
import type { SyncOptions } from './sync-index.ts';
import { parseArgs, UsageError } from '../config.ts';

export const DEFAULT_REGISTRY_URL = 'https://registry.modelcontextprotocol.io';

export const SYNC_USAGE = `Usage: npm run index:sync -- [options]

Merges the official MCP Registry (latest versions) into the server index.

Options:
  --data <dir>        data folder (env CATALOGUE_DATA; default ../shared/data)
  --out <file>        index file to update (default <data>/index/servers.jsonl)
  --registry <url>    registry base URL (env MCP_REGISTRY_URL; default ${DEFAULT_REGISTRY_URL})
  --since <time>      only servers updated since this RFC 3339 time (updated_since)
  --limit <n>         page size to ask for (default 100)
  --timeout <sec>     per-request timeout in seconds (default 30)
  --retries <n>       retries for timeouts, network errors and HTTP 5xx/429 (default 2)
  --partial           if a page fails, still write the servers merged so far
  -h, --help          show this help

Exit status: 0 done (invalid servers are reported and skipped), 1 the sync
failed (nothing written unless --partial), 2 bad usage.`;

export type SyncCommand = { help: true } | { help: false; options: Omit<SyncOptions, 'reporter'> };

export function parseSyncArgs(argv: string[], env: Record<string, string | undefined>, defaultDataDir: string): SyncCommand {
  const { values } = parseArgs(
    {
      name: 'index:sync',
      usage: SYNC_USAGE,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        registry: { type: 'string' },
        since: { type: 'string' },
        limit: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        partial: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    argv,
  );
  if (values.help) return { help: true };

  const dataDir = resolve(values.data ?? env.CATALOGUE_DATA ?? defaultDataDir);
  const baseUrl = values.registry ?? env.MCP_REGISTRY_URL ?? DEFAULT_REGISTRY_URL;
  if (!/^https?:\/\//.test(baseUrl)) throw new UsageError(`--registry must be an http(s) URL, got "${baseUrl}"`);
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    throw new UsageError(`--since must be an RFC 3339 time such as 2025-08-07T13:15:04Z, got "${values.since}"`);
  }

  return {
    help: false,
    options: {
      baseUrl,
      outFile: resolve(values.out ?? join(dataDir, 'index', 'servers.jsonl')),
      updatedSince: values.since,
      limit: integer('--limit', values.limit, 100, 1),
      timeoutMs: Math.round(positiveNumber('--timeout', values.timeout, 30) * 1000),
      retries: integer('--retries', values.retries, 2, 0),
      retryDelayMs: 1000,
      partial: values.partial ?? false,
    },
  };
}

function integer(flag: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${text}"`);
  return value;
}

function positiveNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return value;
}
