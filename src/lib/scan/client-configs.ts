/**
 * The MCP servers configured on this machine: finds the client config files
 * (config-locations.ts), reads them, and turns every entry into either a
 * target introspect can start or connect to, or a one-line reason why not.
 *
 * A file that cannot be read or parsed is one problem line and the others
 * go on; so is a malformed entry. Config values are secrets until shown
 * otherwise: env and header values are collected for redaction and only
 * their names are ever reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import { claudeCodeUserFileSchema, mcpServersFileSchema, serverEntrySchema, vscodeFileSchema, type ServerEntry } from '../../schemas/client-config.ts';
import type { ServerTarget } from '../introspect/mcp-session.ts';
import { CLIENT_NAMES, knownLocations, locationOf, type ClientId, type ConfigLocation, type Places } from './config-locations.ts';
import { expandValue, type ExpandContext } from './expand-vars.ts';
import { formatZodError } from '../config.ts';

export type Scope = 'local' | 'project' | 'user';

export type ConfigProblemKind = 'malformed' | 'unsupported' | 'unresolved' | 'disabled' | 'overridden';

export interface ConfiguredServer {
  client: ClientId;
  configPath: string;
  scope: Scope;
  name: string;
  target?: ServerTarget;
  /** Why this entry is not scanned. */
  problem?: { kind: ConfigProblemKind; message: string };
  /** Things worth knowing that do not stop the scan (a placeholder passed as written, an envFile not read). */
  notes: string[];
  envNames: string[];
  headerNames: string[];
  /** Env and header values, as written and as expanded: never printed or written. */
  secrets: string[];
}

export interface ConfigFile {
  location: ConfigLocation;
  status: 'read' | 'invalid';
  problem?: string;
  servers: ConfiguredServer[];
}

export interface Discovery {
  files: ConfigFile[];
  /** Every entry of every file, client by client, the entry each client uses first. */
  servers: ConfiguredServer[];
}

/** Scope precedence inside one client: Claude Code's local beats project beats user; elsewhere project beats user. */
const RANK: Record<Scope, number> = { local: 0, project: 1, user: 2 };

/**
 * Reads the files given with --config, or else every known location that
 * exists. Within one client, a server name defined in several scopes is
 * used from the highest one only; the others are reported as overridden.
 */
export function discoverServers(places: Places, explicit: readonly string[] = []): Discovery {
  const locations = explicit.length ? explicit.map((p) => locationOf(isAbsolute(p) ? p : resolve(p), places.project)) : knownLocations(places).filter((l) => existsSync(l.path));
  const files = locations.map((location) => readConfigFile(location, places));
  // Clients in the order their first file was read; within a client, highest scope first (sort is stable).
  // Files of no known client (--config other.json) are each their own client.
  const byClient = new Map<string, ConfiguredServer[]>();
  for (const server of files.flatMap((f) => f.servers)) {
    const key = server.client === 'config' ? `config:${server.configPath}` : server.client;
    byClient.set(key, [...(byClient.get(key) ?? []), server]);
  }
  const servers: ConfiguredServer[] = [];
  for (const list of byClient.values()) {
    const ranked = [...list].sort((a, b) => RANK[a.scope] - RANK[b.scope]);
    const used = new Map<string, ConfiguredServer>();
    for (const server of ranked) {
      const winner = used.get(server.name);
      if (winner && !server.problem) {
        server.problem = { kind: 'overridden', message: `${CLIENT_NAMES[server.client]} uses the "${server.name}" of ${winner.configPath} (${winner.scope} scope) instead` };
      }
      if (!winner) used.set(server.name, server);
      servers.push(server);
    }
  }
  return { files, servers };
}

export function readConfigFile(location: ConfigLocation, places: Places): ConfigFile {
  const fail = (problem: string): ConfigFile => ({ location, status: 'invalid', problem, servers: [] });
  let text: string;
  try {
    text = readFileSync(location.path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return fail(code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    // VS Code's settings files allow comments and trailing commas.
    json = location.format === 'vscode' ? JSON.parse(stripJsonComments(text)) : JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON${where(error as Error, text)}`);
  }

  const lists: { scope: Scope; servers: Record<string, unknown> }[] = [];
  const ownScope: Scope = location.scope;
  let client = location.client;
  let inputs: Set<string> | undefined;
  if (location.format === 'claude-code-user') {
    const file = parse(claudeCodeUserFileSchema, json);
    if (typeof file === 'string') return fail(file);
    const local = file.projects?.[resolve(places.project)]?.mcpServers;
    if (local) lists.push({ scope: 'local', servers: local });
    if (file.mcpServers) lists.push({ scope: 'user', servers: file.mcpServers });
  } else if (location.format === 'vscode' || (client === 'config' && isObject(json) && 'servers' in json && !('mcpServers' in json))) {
    const file = parse(vscodeFileSchema, json);
    if (typeof file === 'string') return fail(file);
    if (client === 'config') client = 'vscode';
    inputs = new Set((file.inputs ?? []).map((i) => i.id));
    if (file.servers) lists.push({ scope: ownScope, servers: file.servers });
  } else {
    const file = parse(mcpServersFileSchema, json);
    if (typeof file === 'string') return fail(file);
    if (file.mcpServers) lists.push({ scope: ownScope, servers: file.mcpServers });
  }

  const ctx: ExpandContext = { client, env: places.env, home: places.home, project: places.project };
  const servers: ConfiguredServer[] = [];
  for (const { scope, servers: map } of lists) {
    for (const [name, raw] of Object.entries(map)) servers.push(toServer({ ...location, client }, scope, name, raw, ctx, inputs));
  }
  return { location: { ...location, client }, status: 'read', servers };
}

function toServer(location: ConfigLocation, scope: Scope, name: string, raw: unknown, ctx: ExpandContext, inputs?: Set<string>): ConfiguredServer {
  const server: ConfiguredServer = { client: location.client, configPath: location.path, scope, name, notes: [], envNames: [], headerNames: [], secrets: [] };
  // Secrets first, before anything can go wrong, so even a malformed entry's values are redacted.
  if (isObject(raw)) {
    for (const key of ['env', 'headers'] as const) {
      const map = raw[key];
      if (isObject(map)) for (const value of Object.values(map)) if (typeof value === 'string') server.secrets.push(value);
    }
  }
  const parsed = serverEntrySchema.safeParse(raw);
  if (!parsed.success) {
    server.problem = { kind: 'malformed', message: `malformed entry: ${formatZodError(parsed.error, 1)}` };
    return server;
  }
  const entry = parsed.data;
  server.envNames = Object.keys(entry.env ?? {});
  server.headerNames = Object.keys(entry.headers ?? {});
  if (entry.disabled) {
    server.problem = { kind: 'disabled', message: 'disabled in the config' };
    return server;
  }

  const unresolved: string[] = [];
  const expand = (value: string): string => {
    const result = expandValue(value, ctx);
    unresolved.push(...result.unresolved);
    for (const placeholder of result.literal) server.notes.push(`${placeholder} is passed as written (${CLIENT_NAMES[ctx.client]} does not expand it)`);
    return result.value;
  };
  const expandMap = (map: Record<string, string> | undefined): Record<string, string> | undefined => {
    if (!map) return undefined;
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(map)) {
      out[key] = expand(value);
      if (out[key] !== value) server.secrets.push(out[key]!);
    }
    return out;
  };

  const url = entry.url ?? entry.serverUrl;
  const type = entry.type?.toLowerCase();
  if (entry.command && url) {
    server.problem = { kind: 'malformed', message: 'malformed entry: has both a command and a URL' };
    return server;
  }
  if (type === 'sse' || (url && type === undefined && /\/sse\/?$/.test(safePath(url)))) {
    server.problem = { kind: 'unsupported', message: 'uses the legacy SSE transport, which scan does not speak (only stdio and Streamable HTTP)' };
    return server;
  }
  if (entry.command) {
    if (type !== undefined && type !== 'stdio') {
      server.problem = { kind: 'malformed', message: `malformed entry: type "${entry.type}" with a command` };
      return server;
    }
    if (entry.envFile) server.notes.push(`envFile ${entry.envFile} is not read; only the env values in the config are passed`);
    const env = expandMap(entry.env);
    const command = expand(entry.command);
    const args = (entry.args ?? []).map(expand);
    const cwdText = entry.cwd === undefined ? undefined : expand(entry.cwd);
    // Project files run their servers from the project folder, as the clients that own them do.
    const cwd = cwdText !== undefined ? resolve(ctx.project, cwdText) : location.scope === 'project' ? ctx.project : undefined;
    if (unresolved.length) return unresolvedProblem(server, unresolved, inputs);
    server.target = { kind: 'stdio', command, args, ...(env ? { env } : {}), ...(cwd ? { cwd } : {}) };
    return server;
  }
  if (url) {
    if (type !== undefined && !['http', 'streamable-http', 'streamablehttp'].includes(type)) {
      server.problem = { kind: 'unsupported', message: `transport type "${entry.type}" is not supported (only stdio and Streamable HTTP)` };
      return server;
    }
    const headers = expandMap(entry.headers);
    const expandedUrl = expand(url);
    if (unresolved.length) return unresolvedProblem(server, unresolved, inputs);
    if (!/^https?:\/\//i.test(expandedUrl)) {
      server.problem = { kind: 'malformed', message: 'malformed entry: the URL is not an http(s) URL' };
      return server;
    }
    server.secrets.push(...urlSecrets(expandedUrl));
    server.target = { kind: 'http', url: expandedUrl, ...(headers ? { headers } : {}) };
    return server;
  }
  server.problem = { kind: 'malformed', message: 'malformed entry: has neither a command nor a URL' };
  return server;
}

function unresolvedProblem(server: ConfiguredServer, unresolved: string[], inputs?: Set<string>): ConfiguredServer {
  const unique = [...new Set(unresolved)];
  const undeclared = inputs ? unique.filter((u) => /^\$\{input:([^}]*)\}/.test(u) && !inputs.has(/^\$\{input:([^}]*)\}/.exec(u)![1]!)) : [];
  server.problem = {
    kind: 'unresolved',
    message: `needs ${unique.join(', ')}${undeclared.length ? ' (not declared under "inputs")' : ''}`,
  };
  return server;
}

/** Credentials and query values of a URL: tokens are often passed there. */
function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    return [decodeURIComponent(parsed.password), decodeURIComponent(parsed.username), ...[...parsed.searchParams.values()]].filter(Boolean);
  } catch {
    return [];
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

function parse<T extends z.ZodType>(schema: T, json: unknown): z.infer<T> | string {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  // Only the path and zod's own words: the offending value may be a secret.
  return `unexpected shape: ${formatZodError(parsed.error, 1)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Where JSON.parse stopped, as "line L, column C". Its own message is not
 * quoted: V8 puts a piece of the file in it, and the file holds secrets.
 */
function where(error: Error, text: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return ` (line ${lineCol[1]}, column ${lineCol[2]})`;
  const position = /position (\d+)/.exec(error.message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
  }
  return text.trim() === '' ? ' (the file is empty)' : '';
}

/** The index of the quote that closes the JSON string opening at `start`, escapes skipped. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return j;
}

/** JSON with comments and trailing commas (VS Code's flavour) → JSON; strings are left alone. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const j = stringEnd(text, i);
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      // Keep the line count, so a later error still points at the right line.
      out += text.slice(i, end === -1 ? text.length : end + 2).replace(/[^\n]/g, ' ');
      i = end === -1 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return dropTrailingCommas(out);
}

function dropTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const j = stringEnd(text, i);
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      continue;
    } else {
      out += c;
    }
  }
  return out;
}
