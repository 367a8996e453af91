/**
 * Turns an introspection result into the two files ingest reads from a
 * manifest folder: `server.json` (registry shape) and `tools.json` (the
 * `tools/list` result exactly as served, all pages joined).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serverJsonSchema, type ServerJson } from '../../schemas/server-json.ts';
import { baseSlug, serverSlugSource, slugFor } from '../slug.ts';
import { IntrospectError } from './introspect-error.ts';
import type { IntrospectResult, ServerInfo } from './introspect-server.ts';
import { redactUrl } from './redact-url.ts';
import { CLIENT_INFO, type ServerTarget } from './mcp-session.ts';

/** The registry's rule for server names: `namespace/name`, namespace in reverse-DNS style. */
export const SERVER_NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

/** Namespace for servers that do not name themselves in registry style. */
const LOCAL_NAMESPACE = 'local';

/**
 * `serverInfo.name` if it already has the registry form (`mcp-servers/everything`),
 * else `local/<slug of the name>`: clearly not a published registry name, and
 * `--name` is there to give the real one.
 */
export function defaultServerName(serverInfo: ServerInfo): string {
  if (SERVER_NAME_PATTERN.test(serverInfo.name)) return serverInfo.name;
  return `${LOCAL_NAMESPACE}/${baseSlug(serverInfo.name) || 'server'}`;
}

/** Folder name under `<data>/manifests/`, with the catalogue's own slug rules. */
export function manifestSlug(serverName: string): string {
  return slugFor(serverSlugSource(serverName), 'server');
}

export interface ManifestSettings {
  name?: string;
  description?: string;
  /** When the run happened; injectable for tests. */
  now?: Date;
}

export function buildServerJson(result: IntrospectResult, target: ServerTarget, settings: ManifestSettings): ServerJson {
  const info = result.serverInfo;
  const now = settings.now ?? new Date();
  const via = target.kind === 'stdio' ? 'stdio' : 'Streamable HTTP';
  const server: ServerJson = {
    name: settings.name ?? defaultServerName(info),
    title: info.title || undefined,
    // A flag beats what the server says about itself; the spec makes serverInfo.description optional.
    description: settings.description ?? info.description ?? '',
    version: info.version || undefined,
    websiteUrl: info.websiteUrl || undefined,
    remotes: target.kind === 'http' ? [{ type: 'streamable-http', url: redactUrl(target.url) }] : undefined,
    _meta: {
      catalogue: {
        method: `runtime tools/list over ${via} (${CLIENT_INFO.name} ${CLIENT_INFO.version}, @modelcontextprotocol/sdk client), ${result.pages} page${result.pages === 1 ? '' : 's'}`,
        extractedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        serverInfo: { name: info.name, version: info.version },
        protocolVersion: result.protocolVersion,
        toolCount: result.tools.length,
      },
    },
  };
  const checked = serverJsonSchema.safeParse(server);
  if (!checked.success) throw new IntrospectError('output', `server.json would be invalid: ${checked.error.message}`);
  return JSON.parse(JSON.stringify(server)) as ServerJson; // drops the undefined keys
}

/**
 * Writes `server.json`, then `tools.json`, each through a temporary file, so a
 * folder never holds a half-written file; tools.json comes last because a
 * folder counts as a server once it has one.
 */
export async function writeManifest(dir: string, serverJson: ServerJson, tools: unknown[], options: { force: boolean }): Promise<void> {
  if (!options.force && (existsSync(join(dir, 'tools.json')) || existsSync(join(dir, 'server.json')))) {
    throw new IntrospectError('output', `${dir} already holds a manifest; pass --force to replace it`);
  }
  await mkdir(dir, { recursive: true });
  await writeJsonAtomically(join(dir, 'server.json'), serverJson);
  await writeJsonAtomically(join(dir, 'tools.json'), { tools });
}

async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
