/**
 * The one configuration of toolrisk: where the repository, the input data,
 * the catalogue and the site live, the public origin, how every script reads
 * its flags, and how a validation error is worded.
 *
 * Every setting is resolved in one place, in one order: a command-line flag
 * beats an environment variable beats the default (`loadConfig`). Modules
 * below the scripts never read `process.argv`; they take paths as arguments
 * or read the environment half of this config, so a script that passes
 * `--data` to a child process passes it as a flag or as CATALOGUE_DATA.
 *
 * A base module: it imports only node builtins and zod, so every layer may
 * import it (see ARCHITECTURE.md). Modelled on the official MCP registry's
 * single Config struct (one typed struct, each field with its env name and
 * default) and on Starlight's parseWithFriendlyErrors (one formatter turns a
 * zod error into the lines a person reads).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { z } from 'zod';

/**
 * The repository root. From source files it is two levels up from here;
 * inside Astro's bundled build output that relative path points elsewhere,
 * so fall back to TOOLRISK_ROOT or the working directory (npm scripts always
 * run from the root).
 */
function findRepoRoot(): string {
  const fromSource = resolve(fileURLToPath(new URL('../../', import.meta.url)));
  if (existsSync(join(fromSource, 'catalogue', 'rules'))) return fromSource;
  return process.env.TOOLRISK_ROOT ?? process.cwd();
}

export const REPO_ROOT = findRepoRoot();

/** The repository's own data: rules, attack patterns, overrides, sources, editorial pages. */
export const RULES_DIR = join(REPO_ROOT, 'catalogue', 'rules');
export const ATTACK_PATTERNS_DIR = join(REPO_ROOT, 'catalogue', 'attack-patterns');
export const OVERRIDES_DIR = join(REPO_ROOT, 'catalogue', 'overrides');
export const SOURCES_FILE = join(REPO_ROOT, 'catalogue', 'sources.yaml');

/** Defaults of the settings below. */
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '../shared/data');
export const DEFAULT_CATALOGUE_DIR = resolve(REPO_ROOT, 'generated/catalogue');
export const DEFAULT_DIST_DIR = resolve(REPO_ROOT, 'dist');
/** The public origin: canonical URLs, Open Graph tags, the sitemap and llms.txt point here. */
export const DEFAULT_SITE_URL = 'https://toolrisk.dev';

export interface Config {
  /** Input data: manifests/ and index/servers.jsonl. Flag --data, env CATALOGUE_DATA. */
  dataDir: string;
  /** Catalogue JSON written by ingest and read by the site. Flag --out, env CATALOGUE_OUT. */
  catalogueDir: string;
  /** The built site. Flag --dist, env DIST_DIR. */
  distDir: string;
  /** The public origin. Env SITE_URL. */
  siteUrl: string;
  /** A previous data folder to compare with (tool pages say what changed). Flag --previous, env CATALOGUE_PREVIOUS. */
  previousDir?: string;
}

/** Flags a script may pass; each is optional and beats its environment variable. */
export interface ConfigFlags {
  data?: string;
  out?: string;
  dist?: string;
  previous?: string;
}

type Env = Record<string, string | undefined>;

/** The settings, each from its flag, else its environment variable, else its default. Paths are absolute. */
export function loadConfig(flags: ConfigFlags = {}, env: Env = process.env): Config {
  const previous = flags.previous || env.CATALOGUE_PREVIOUS;
  return {
    dataDir: resolve(flags.data || env.CATALOGUE_DATA || DEFAULT_DATA_DIR),
    catalogueDir: resolve(flags.out || env.CATALOGUE_OUT || DEFAULT_CATALOGUE_DIR),
    distDir: resolve(flags.dist || env.DIST_DIR || DEFAULT_DIST_DIR),
    siteUrl: env.SITE_URL ?? DEFAULT_SITE_URL,
    ...(previous ? { previousDir: resolve(previous) } : {}),
  };
}

/** Wrong command-line use. Every script prints the message and its usage line and exits with EXIT_USAGE. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit status of bad usage, for every script. */
export const EXIT_USAGE = 2;

/** One option, as node:util's parseArgs takes it. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export interface CliSpec<O extends Record<string, FlagSpec>> {
  /** The script's name in messages ("ingest", "build"). */
  name: string;
  /** The usage text; its first line is printed under every usage error. */
  usage: string;
  options: O;
  /** Whether words that are not flags are allowed (diff's two folders, screenshot's URL). */
  allowPositionals?: boolean;
}

type Values<O extends Record<string, FlagSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? (O[K]['multiple'] extends true ? boolean[] : boolean) : O[K]['multiple'] extends true ? string[] : string;
};

export interface ParsedArgs<O extends Record<string, FlagSpec>> {
  values: Values<O>;
  positionals: string[];
}

/**
 * node:util's parseArgs in strict mode: an unknown flag, a missing value or
 * a stray word is a UsageError naming it, never silently ignored.
 */
export function parseArgs<O extends Record<string, FlagSpec>>(spec: CliSpec<O>, argv: readonly string[]): ParsedArgs<O> {
  try {
    const parsed = parseNodeArgs({ args: [...argv], options: spec.options, strict: true, allowPositionals: spec.allowPositionals ?? false });
    return { values: parsed.values as Values<O>, positionals: parsed.positionals };
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--x'"); keep them, minus its own advice.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * For scripts: parseArgs with `-h`/`--help` added. Help prints the usage and
 * exits 0; a usage error prints `<name>: <problem>`, the usage line and a
 * pointer to --help, and exits with EXIT_USAGE.
 */
export function parseArgsOrExit<O extends Record<string, FlagSpec>>(spec: CliSpec<O>, argv: readonly string[] = process.argv.slice(2)): ParsedArgs<O> {
  const withHelp = { ...spec, options: { ...spec.options, help: { type: 'boolean', short: 'h' } as const } };
  let parsed;
  try {
    parsed = parseArgs(withHelp, argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${spec.name}: ${error.message}\n${spec.usage.split('\n')[0]}\n(--help for all options)\n`);
    process.exit(EXIT_USAGE);
  }
  if (parsed.values.help) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  return parsed as ParsedArgs<O>;
}

/**
 * The problems of a zod error, one line each: `path.to.field: message`, or
 * the message alone for a problem with the whole value. `limit` keeps the
 * first few (a report line about third-party data stays short).
 */
export function zodProblems(error: z.ZodError, limit = Number.POSITIVE_INFINITY): string[] {
  return error.issues.slice(0, limit).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}

/** zodProblems on one line, joined with "; ". */
export function formatZodError(error: z.ZodError, limit?: number): string {
  return zodProblems(error, limit).join('; ');
}

/**
 * Validates with a schema and throws an Error that names where the input came
 * from and every problem, or returns the parsed value.
 */
export function parseWithFriendlyErrors<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new Error(`${where}: ${formatZodError(result.error)}`);
}
