/**
 * Command-line settings of `npm run introspect`.
 *
 * Our options come first; the first word that is not one of them (or anything
 * after `--`) starts the server command, and everything from there on belongs
 * to that command untouched, flags included:
 *   npm run introspect -- --name io.github.acme/files node server.js --root /tmp
 */
import { join, resolve } from 'node:path';
import type { ServerTarget } from './mcp-session.ts';
import { SERVER_NAME_PATTERN } from './manifest.ts';
import { UsageError } from '../config.ts';

export const INTROSPECT_USAGE = `Usage: npm run introspect -- [options] <command> [args...]
       npm run introspect -- [options] --url <streamable-http url>

Starts (stdio) or connects to (Streamable HTTP) a live MCP server, lists all
its tools and writes server.json + tools.json for ingest.

Options:
  --url <url>             connect over Streamable HTTP instead of starting a command
  --header "Name: value"  HTTP header for --url (repeatable), e.g. an Authorization header
  --env NAME=value        environment variable for the command (repeatable);
                          --env NAME copies NAME from this shell. Other variables
                          are not passed on, apart from PATH, HOME and the like.
  --cwd <dir>             working directory for the command
  --name <name>           server.json name, registry style (namespace/name);
                          default: serverInfo.name if it has that form, else local/<slug>
  --description <text>    server.json description (default: serverInfo.description)
  --out <dir>             folder for server.json + tools.json
                          (default: <data>/manifests/<slug of the name>)
  --data <dir>            data folder (env CATALOGUE_DATA; default ../shared/data)
  --timeout <sec>         limit for the whole run, start-up included (default 30)
  --keep-invalid          write tools.json even if some tools fail the MCP Tool schema
  --force                 replace a manifest already in the output folder
  --verbose               show the server's stderr while it runs
  -h, --help              show this help

Exit status: 0 written, 1 failed (server error, timeout, invalid tools without
--keep-invalid, output problem; nothing written), 2 bad usage.`;

export interface IntrospectCliOptions {
  target: ServerTarget;
  name?: string;
  description?: string;
  /** Exact output folder, if given; otherwise derived from the name under `manifestsDir`. */
  outDir?: string;
  manifestsDir: string;
  timeoutMs: number;
  keepInvalid: boolean;
  force: boolean;
  verbose: boolean;
}

export type IntrospectCommand = { help: true } | { help: false; options: IntrospectCliOptions };

const VALUE_FLAGS = new Set(['--url', '--header', '--env', '--cwd', '--name', '--description', '--out', '--data', '--timeout']);
const SWITCHES = new Set(['--keep-invalid', '--force', '--verbose', '--help', '-h']);

export function parseIntrospectArgs(argv: string[], env: Record<string, string | undefined>, defaultDataDir: string): IntrospectCommand {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  let command: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      command = argv.slice(i + 1);
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, [...(values.get(flag) ?? []), value]);
    } else if (SWITCHES.has(flag) && inline === undefined) {
      switches.add(flag);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg} (put the server command after "--" if it is the command's own)`);
    } else {
      command = argv.slice(i);
      break;
    }
  }
  if (switches.has('--help') || switches.has('-h')) return { help: true };

  const single = (flag: string): string | undefined => {
    const given = values.get(flag);
    if (given && given.length > 1) throw new UsageError(`${flag} given more than once`);
    return given?.[0];
  };

  const url = single('--url');
  let target: ServerTarget;
  if (url !== undefined) {
    if (command.length) throw new UsageError('give either --url or a command, not both');
    if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
    if (values.has('--env') || values.has('--cwd')) throw new UsageError('--env and --cwd only apply to a command, not to --url');
    target = { kind: 'http', url, headers: parseHeaders(values.get('--header') ?? []) };
  } else {
    if (!command.length) throw new UsageError('give the server command to start, or --url');
    if (values.has('--header')) throw new UsageError('--header only applies to --url');
    target = {
      kind: 'stdio',
      command: command[0]!,
      args: command.slice(1),
      env: parseEnv(values.get('--env') ?? [], env),
      cwd: single('--cwd'),
    };
  }

  const name = single('--name');
  if (name !== undefined && !SERVER_NAME_PATTERN.test(name)) {
    throw new UsageError(`--name must look like namespace/name (e.g. io.github.owner/repo), got "${name}"`);
  }
  const timeoutText = single('--timeout');
  const timeout = timeoutText === undefined ? 30 : Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a positive number of seconds, got "${timeoutText}"`);
  const dataDir = resolve(single('--data') ?? env.CATALOGUE_DATA ?? defaultDataDir);
  const out = single('--out');

  return {
    help: false,
    options: {
      target,
      name,
      description: single('--description'),
      outDir: out === undefined ? undefined : resolve(out),
      manifestsDir: join(dataDir, 'manifests'),
      timeoutMs: Math.round(timeout * 1000),
      keepInvalid: switches.has('--keep-invalid'),
      force: switches.has('--force'),
      verbose: switches.has('--verbose'),
    },
  };
}

function parseHeaders(lines: string[]): Record<string, string> | undefined {
  if (!lines.length) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`--header must look like "Name: value", got "${line}"`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function parseEnv(entries: string[], env: Record<string, string | undefined>): Record<string, string> | undefined {
  if (!entries.length) return undefined;
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const key = equals === -1 ? entry : entry.slice(0, equals);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new UsageError(`--env needs NAME or NAME=value, got "${entry}"`);
    if (equals !== -1) {
      result[key] = entry.slice(equals + 1);
    } else {
      const value = env[key];
      if (value === undefined) throw new UsageError(`--env ${key}: ${key} is not set in this shell`);
      result[key] = value;
    }
  }
  return result;
}
