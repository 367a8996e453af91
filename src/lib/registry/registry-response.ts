/**
 * Shapes of the official MCP Registry list endpoint, `GET /v0.1/servers`
 * (modelcontextprotocol/registry docs/reference/api/openapi.yaml, `ServerList`
 * and `ServerResponse`).
 *
 * A page is checked in two steps on purpose: the envelope first (a wrong
 * envelope means we cannot trust anything on the page, so the run stops), then
 * each server on its own (one bad server is reported and skipped, the rest of
 * the page is still used).
 */
import { z } from 'zod';
import { serverJsonSchema, type ServerJson } from '../../schemas/server-json.ts';
import { formatZodError } from '../config.ts';

/** The key under which the official registry puts its own bookkeeping. */
export const OFFICIAL_META_KEY = 'io.modelcontextprotocol.registry/official';

export const registryPageSchema = z.looseObject({
  servers: z.array(z.unknown(), { error: 'expected "servers" to be an array' }),
  metadata: z
    .looseObject({
      // The spec says "null or empty" ends the listing, so both are accepted.
      nextCursor: z.string().nullish(),
      count: z.number().optional(),
    })
    .optional(),
});
export type RegistryPage = z.infer<typeof registryPageSchema>;

export const officialMetaSchema = z.looseObject({
  status: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  isLatest: z.boolean().optional(),
});
export type OfficialMeta = z.infer<typeof officialMetaSchema>;

export const registryEntrySchema = z.looseObject({
  server: serverJsonSchema,
  _meta: z.looseObject({ [OFFICIAL_META_KEY]: officialMetaSchema.optional() }).optional(),
});

export interface RegistryServer {
  server: ServerJson;
  official: OfficialMeta;
}

export type EntryCheck =
  | { ok: true; entry: RegistryServer }
  | { ok: false; name: string; problem: string };

/** Validates one element of `servers`; never throws. */
export function checkRegistryEntry(raw: unknown): EntryCheck {
  const parsed = registryEntrySchema.safeParse(raw);
  if (parsed.success) {
    return {
      ok: true,
      entry: { server: parsed.data.server, official: parsed.data._meta?.[OFFICIAL_META_KEY] ?? {} },
    };
  }
  return { ok: false, name: nameOf(raw), problem: formatZodError(parsed.error) };
}

/** Best-effort name of an invalid entry, for the report. */
function nameOf(raw: unknown): string {
  const server = (raw as { server?: { name?: unknown } } | null)?.server;
  return typeof server?.name === 'string' && server.name ? server.name : '(no name)';
}


/**
 * Whether an entry should reach the index. Only the latest version of a server
 * describes it today; deleted servers are left out (but an existing index entry
 * is never removed: other sources may still list the server). A registry that
 * does not send the official block at all (a generic sub-registry) is trusted
 * to list latest versions only.
 */
export function skipReason(official: OfficialMeta): 'not latest' | 'deleted' | undefined {
  if (official.isLatest === false) return 'not latest';
  if (official.status === 'deleted') return 'deleted';
  return undefined;
}
