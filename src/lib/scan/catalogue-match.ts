/**
 * Finds a configured server in the published catalogue (the JSON ingest
 * writes to generated/catalogue; read in place, never fetched from the web),
 * so the scan can say "this is X in the catalogue" and whether a live tool
 * still matches its catalogued definition.
 *
 * A server is recognised by what its config says it runs, in this order:
 * the package it starts (npx/bunx/pnpm dlx/npm exec, uvx/pipx, docker run,
 * or a path inside node_modules/), the remote URL it connects to, or a
 * registry name equal to the config's or the server's own name. Several
 * catalogue servers can share a package (forks listing the upstream one);
 * the one with the most tools is taken.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';
import type { ServerTarget } from '../introspect/mcp-session.ts';
import { redactUrl } from '../introspect/redact-url.ts';

export interface CatalogueMatch {
  server: CatalogueServer;
  matchedBy: 'package' | 'remote' | 'name';
  /** The package identifier, URL or name that matched. */
  key: string;
}

export interface CatalogueIndex {
  dir: string;
  servers: number;
  match(target: ServerTarget, names: readonly string[]): CatalogueMatch | undefined;
  /** The catalogued tools of a server, by name (read on first use). */
  tools(server: CatalogueServer): Map<string, CatalogueTool>;
}

/** The catalogue in `dir`, or undefined when none has been built there. */
export function openCatalogue(dir: string): CatalogueIndex | undefined {
  const file = join(dir, 'servers.json');
  if (!existsSync(file)) return undefined;
  const servers = JSON.parse(readFileSync(file, 'utf8')) as CatalogueServer[];
  const byPackage = new Map<string, CatalogueServer>();
  const byRemote = new Map<string, CatalogueServer>();
  const byName = new Map<string, CatalogueServer>();
  const keep = (map: Map<string, CatalogueServer>, key: string, server: CatalogueServer) => {
    const had = map.get(key);
    if (!had || server.toolCount > had.toolCount) map.set(key, server);
  };
  for (const server of servers) {
    for (const p of server.packages ?? []) for (const key of packageKeys(p.identifier)) keep(byPackage, key, server);
    for (const r of server.remotes ?? []) keep(byRemote, urlKey(r.url), server);
    keep(byName, server.name.toLowerCase(), server);
  }
  const toolCache = new Map<string, Map<string, CatalogueTool>>();
  return {
    dir,
    servers: servers.length,
    match(target, names) {
      if (target.kind === 'stdio') {
        for (const id of packagesRun(target)) {
          for (const key of packageKeys(id)) {
            const server = byPackage.get(key);
            if (server) return { server, matchedBy: 'package', key: id };
          }
        }
      } else {
        const server = byRemote.get(urlKey(target.url));
        if (server) return { server, matchedBy: 'remote', key: redactUrl(target.url) };
      }
      for (const name of names) {
        const server = byName.get(name.toLowerCase());
        if (server) return { server, matchedBy: 'name', key: name };
      }
      return undefined;
    },
    tools(server) {
      let map = toolCache.get(server.slug);
      if (!map) {
        const path = join(dir, 'tools', `${server.slug}.json`);
        const list = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as CatalogueTool[]) : [];
        map = new Map(list.map((t) => [t.name, t]));
        toolCache.set(server.slug, map);
      }
      return map;
    },
  };
}

/** Lookup keys for a package identifier: lower case; docker images also without "docker.io/" or "library/". */
function packageKeys(identifier: string): string[] {
  const id = identifier.toLowerCase();
  const keys = [id];
  const bare = id.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (bare !== id) keys.push(bare);
  return keys;
}

function urlKey(url: string): string {
  return redactUrl(url).toLowerCase().replace(/\/+$/, '');
}

const VERSION_SUFFIX = /(?<=.)@[^/@]*$/; // "@scope/pkg@1.2.3" → "@scope/pkg"; the leading "@" of a scope stays

/** The packages a stdio command runs, most specific first. */
export function packagesRun(target: Extract<ServerTarget, { kind: 'stdio' }>): string[] {
  const command = basename(target.command).replace(/\.(cmd|exe)$/i, '');
  const args = target.args;
  const found: string[] = [];
  const firstPositional = (from: number, valueFlags: ReadonlySet<string>): string | undefined => {
    for (let i = from; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') return args[i + 1];
      if (a.startsWith('-')) {
        if (valueFlags.has(a)) i++;
        continue;
      }
      return a;
    }
    return undefined;
  };
  const flagValue = (names: string[]): string | undefined => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      for (const n of names) {
        if (a === n) return args[i + 1];
        if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      }
    }
    return undefined;
  };

  if (['npx', 'bunx', 'pnpx'].includes(command) || (['pnpm', 'yarn', 'bun'].includes(command) && ['dlx', 'x'].includes(args[0] ?? '')) || (command === 'npm' && args[0] === 'exec')) {
    const from = ['npx', 'bunx', 'pnpx'].includes(command) ? 0 : 1;
    const pkg = flagValue(['--package', '-p']) ?? firstPositional(from, new Set(['--package', '-p', '--cache', '--registry']));
    if (pkg) found.push(pkg.replace(VERSION_SUFFIX, ''));
  } else if (command === 'uvx' || (command === 'uv' && args[0] === 'tool' && args[1] === 'run') || (command === 'pipx' && args[0] === 'run')) {
    const from = command === 'uvx' ? 0 : command === 'uv' ? 2 : 1;
    const pkg = flagValue(['--from', '--spec']) ?? firstPositional(from, new Set(['--from', '--spec', '--python', '--with', '--index-url', '-p']));
    if (pkg) found.push(pkg.replace(/\[.*\]/, '').replace(/(==|>=|@).*$/, ''));
  } else if ((command === 'docker' || command === 'podman') && args[0] === 'run') {
    const valueFlags = new Set(['-e', '--env', '-v', '--volume', '--name', '-p', '--publish', '--network', '--mount', '-w', '--workdir', '--entrypoint', '--env-file', '-u', '--user', '--platform', '-l', '--label', '--add-host', '--cpus', '--memory', '-m', '--pull']);
    const image = firstPositional(1, valueFlags);
    if (image) found.push(image.replace(/@sha256:.*$/, '').replace(/:[^/:]*$/, ''));
  } else if (/^python\d*(\.\d+)?$/.test(command) && args[0] === '-m' && args[1]) {
    found.push(args[1], args[1].replace(/_/g, '-'));
  }
  // node …/node_modules/@scope/pkg/dist/index.js (and any other path into node_modules)
  for (const a of [target.command, ...args]) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(a.replace(/\\/g, '/'));
    if (m) found.push(m[1]!);
  }
  return found;
}
