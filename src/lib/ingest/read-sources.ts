/**
 * Finds and reads the manifests in a data folder. Every folder under
 * manifests/ that holds a tools.json is one server; every tools.jsonl under
 * manifests/ holds one server per line, described by the index. Reading never
 * throws for bad input: problems are collected with file, server and tool.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serverJsonSchema, type IndexServer } from '../../schemas/server-json.ts';
import { mcpToolSchema, toolsListResultSchema, toolsdkLineSchema, toolsdkToolSchema } from '../../schemas/mcp-tool.ts';
import type { ReportIssue } from '../../schemas/catalogue.ts';
import type { z } from 'zod';
import { formatZodError } from '../config.ts';
import { readIndexServers } from '../registry/read-index.ts';

export interface RawTool {
  /** The tool object exactly as listed (validated). */
  definition: Record<string, unknown>;
  name: string;
  description: string;
  title?: string;
  inputSchema?: { properties?: Record<string, unknown>; required?: string[] } | null;
  annotations?: Record<string, unknown>;
}

export interface RawServer {
  meta: IndexServer;
  /** Folder path or jsonl line, relative to the data folder. */
  source: string;
  sourceKind: 'manifest' | 'toolsdk';
  /** What the slug is made from. */
  slugSource: string;
  tools: RawTool[];
  /** Tools this source listed for the server, and how many of them were invalid and reported. */
  toolsRead: number;
  toolsReported: number;
}

export interface ReadResult {
  servers: RawServer[];
  issues: ReportIssue[];
  toolsRead: number;
  toolsReported: number;
}

/** The first three problems: a report line about third-party data stays short. */
function describeZodError(error: z.ZodError): string {
  return formatZodError(error, 3);
}

/** Removes lone surrogates so the text can be written as UTF-8 and shown. */
function wellFormed(s: string): string {
  return s.isWellFormed() ? s : s.toWellFormed();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Reads a file as UTF-8; invalid byte sequences become U+FFFD and are reported. */
function readText(file: string, rel: string, issues: ReportIssue[]): string {
  const buf = readFileSync(file);
  try {
    return strictUtf8.decode(buf);
  } catch {
    issues.push({ level: 'warning', file: rel, problem: 'file contains invalid UTF-8 byte sequences; they were replaced with U+FFFD' });
    return lenientUtf8.decode(buf);
  }
}

const MAX_DEPTH = 100;

/** Nesting depth of a JSON value, without recursion (a hostile schema can be 10,000 levels deep). */
export function jsonDepth(value: unknown, limit = MAX_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

function toolName(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'name' in value) {
    const n = (value as { name: unknown }).name;
    if (typeof n === 'string') return n;
  }
  return undefined;
}

/**
 * Validates a tools/list result tool by tool into RawTools; ingest reads
 * manifests through it and `npm run scan` reads live servers through it, so
 * both judge exactly the same tools.
 */
export function collectTools(
  list: unknown[],
  schema: typeof mcpToolSchema | typeof toolsdkToolSchema,
  where: { file: string; server: string },
  issues: ReportIssue[],
): { tools: RawTool[]; reported: number } {
  const tools: RawTool[] = [];
  const seen = new Set<string>();
  let reported = 0;
  list.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    const name = toolName(item);
    const label = name !== undefined ? name : `#${index}`;
    if (!parsed.success) {
      reported++;
      issues.push({ level: 'error', file: where.file, server: where.server, tool: label, problem: `tool ${index}: ${describeZodError(parsed.error)}; skipped` });
      return;
    }
    // Keep the object as listed (validated), not zod's copy, which drops keys like "__proto__".
    const def = item as Record<string, unknown> & { name: string; description?: string; title?: string };
    if (jsonDepth(def) > MAX_DEPTH) {
      reported++;
      issues.push({ level: 'error', file: where.file, server: where.server, tool: label, problem: `tool ${index}: definition is nested more than ${MAX_DEPTH} levels deep; skipped` });
      return;
    }
    const cleanName = wellFormed(def.name);
    if (cleanName !== def.name) {
      issues.push({ level: 'warning', file: where.file, server: where.server, tool: cleanName, problem: `tool ${index}: name contains unpaired UTF-16 surrogates; they were replaced with U+FFFD` });
    }
    if (seen.has(cleanName)) {
      reported++;
      issues.push({ level: 'error', file: where.file, server: where.server, tool: cleanName, problem: `tool ${index}: duplicate tool name; the first definition is kept` });
      return;
    }
    seen.add(cleanName);
    tools.push(rawToolOf(def));
  });
  return { tools, reported };
}

/** A validated tool definition as a RawTool: the definition, and its name and texts made well-formed. */
export function rawToolOf(def: Record<string, unknown> & { name: string; description?: string; title?: string }): RawTool {
  return {
    definition: def,
    name: wellFormed(def.name),
    description: wellFormed(def.description ?? ''),
    ...(def.title ? { title: wellFormed(def.title) } : {}),
    inputSchema: (def.inputSchema as RawTool['inputSchema']) ?? null,
    ...(def.annotations ? { annotations: def.annotations as Record<string, unknown> } : {}),
  };
}

/**
 * One walk of manifests/ finds both kinds of source: folders holding a
 * tools.json (one server each) and tools.jsonl files (one server per line).
 */
function findSources(root: string): { manifestDirs: string[]; jsonlFiles: string[] } {
  const manifestDirs: string[] = [];
  const jsonlFiles: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 6) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    if (entries.includes('tools.json')) manifestDirs.push(dir);
    for (const e of entries) {
      const p = join(dir, e);
      try {
        if (statSync(p).isDirectory()) walk(p, depth + 1);
        else if (e === 'tools.jsonl') jsonlFiles.push(p);
      } catch {
        /* unreadable entries are skipped */
      }
    }
  };
  walk(root, 0);
  return { manifestDirs, jsonlFiles };
}

/**
 * The index entries for the given server names, by name; a bad line becomes
 * a warning. The reading rules (first entry of a name wins) are the index
 * reader's, registry/read-index.ts.
 */
function readIndex(dataDir: string, issues: ReportIssue[], wanted: ReadonlySet<string>): Map<string, IndexServer> {
  const read = readIndexServers(dataDir, { wanted });
  for (const s of read.skipped) issues.push({ level: 'warning', file: `index/servers.jsonl:${s.line}`, problem: s.problem });
  return new Map(read.servers.map((s) => [s.name, s]));
}

function readManifestDir(dataDir: string, dir: string, issues: ReportIssue[]): { server?: RawServer; read: number; reported: number } {
  const rel = relative(dataDir, dir) || '.';
  const toolsFile = join(dir, 'tools.json');
  const relTools = relative(dataDir, toolsFile);
  const folderName = rel.split(/[\\/]/).pop() ?? rel;

  let meta: IndexServer = { name: rel, description: '' };
  const serverFile = join(dir, 'server.json');
  const relServer = relative(dataDir, serverFile);
  if (!existsSync(serverFile)) {
    issues.push({ level: 'warning', file: relServer, server: rel, problem: 'server.json is missing; the folder name is used as the server name' });
  } else {
    try {
      const raw: unknown = JSON.parse(readText(serverFile, relServer, issues));
      const parsed = serverJsonSchema.safeParse(raw);
      if (parsed.success) meta = parsed.data;
      else {
        issues.push({ level: 'error', file: relServer, server: rel, problem: `invalid server.json (${describeZodError(parsed.error)}); the folder name is used as the server name` });
        const loose = raw as Record<string, unknown>;
        if (typeof loose.name === 'string' && loose.name.trim()) meta = { name: loose.name };
        if (typeof loose.title === 'string') meta.title = loose.title;
      }
    } catch (err) {
      issues.push({ level: 'error', file: relServer, server: rel, problem: `server.json is not JSON (${(err as Error).message}); the folder name is used as the server name` });
    }
  }
  const serverLabel = meta.name;

  let envelope: unknown;
  try {
    envelope = JSON.parse(readText(toolsFile, relTools, issues));
  } catch (err) {
    issues.push({ level: 'error', file: relTools, server: serverLabel, problem: `tools.json is not JSON: ${(err as Error).message}; no tools could be read from it` });
    return { read: 0, reported: 0 };
  }
  const list = toolsListResultSchema.safeParse(envelope);
  if (!list.success) {
    issues.push({ level: 'error', file: relTools, server: serverLabel, problem: `not a tools/list result: ${describeZodError(list.error)}` });
    return { read: 0, reported: 0 };
  }
  const { tools, reported } = collectTools(list.data.tools, mcpToolSchema, { file: relTools, server: serverLabel }, issues);
  if (list.data.tools.length === 0) issues.push({ level: 'warning', file: relTools, server: serverLabel, problem: 'the tools array is empty' });
  return {
    // A folder named after the registry name ("io.github.exa-labs__exa-mcp-server")
    // gives the same slug the ToolSDK list gives that name ("exa-labs-exa-mcp-server").
    server: { meta, source: rel, sourceKind: 'manifest', slugSource: folderName.includes('__') ? meta.name.replace(/^io\.github\./, '') : folderName, tools, toolsRead: list.data.tools.length, toolsReported: reported },
    read: list.data.tools.length,
    reported,
  };
}

function readJsonl(dataDir: string, file: string, lines: string[], index: Map<string, IndexServer>, issues: ReportIssue[]) {
  const rel = relative(dataDir, file);
  const servers: RawServer[] = [];
  let read = 0;
  let reported = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${rel}:${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      issues.push({ level: 'error', file: where, problem: `line is not JSON: ${(err as Error).message}` });
      return;
    }
    const lineResult = toolsdkLineSchema.safeParse(parsed);
    if (!lineResult.success) {
      issues.push({ level: 'error', file: where, problem: `not a {"server", "tools"} line: ${describeZodError(lineResult.error)}` });
      return;
    }
    const name = lineResult.data.server;
    let meta = index.get(name);
    if (!meta) {
      issues.push({ level: 'warning', file: where, server: name, problem: 'server not found in index/servers.jsonl; only its name is known' });
      meta = { name };
    }
    read += lineResult.data.tools.length;
    const { tools, reported: bad } = collectTools(lineResult.data.tools, toolsdkToolSchema, { file: where, server: name }, issues);
    reported += bad;
    servers.push({ meta, source: where, sourceKind: 'toolsdk', slugSource: name.replace(/^io\.github\./, ''), tools, toolsRead: lineResult.data.tools.length, toolsReported: bad });
  });
  return { servers, read, reported };
}

export function readSources(dataDir: string): ReadResult {
  const issues: ReportIssue[] = [];
  const manifestsRoot = join(dataDir, 'manifests');
  if (!existsSync(manifestsRoot)) {
    issues.push({ level: 'error', file: 'manifests', problem: `no manifests folder in ${dataDir}` });
    return { servers: [], issues, toolsRead: 0, toolsReported: 0 };
  }
  const servers: RawServer[] = [];
  let toolsRead = 0;
  let toolsReported = 0;
  const { manifestDirs, jsonlFiles } = findSources(manifestsRoot);
  for (const dir of manifestDirs) {
    const r = readManifestDir(dataDir, dir, issues);
    toolsRead += r.read;
    toolsReported += r.reported;
    if (r.server) servers.push(r.server);
  }
  if (jsonlFiles.length) {
    // Each file is read once: first for the server names the index must supply, then line by line.
    const jsonl = jsonlFiles.map((file) => ({ file, lines: readText(file, relative(dataDir, file), issues).split('\n') }));
    const wanted = new Set<string>();
    for (const { lines } of jsonl) {
      for (const line of lines) {
        const m = /"server"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line);
        if (m) {
          try {
            wanted.add(JSON.parse(m[1]!) as string);
          } catch {
            /* a broken line is reported when it is read properly below */
          }
        }
      }
    }
    const index = readIndex(dataDir, issues, wanted);
    for (const { file, lines } of jsonl) {
      const r = readJsonl(dataDir, file, lines, index, issues);
      toolsRead += r.read;
      toolsReported += r.reported;
      servers.push(...r.servers);
    }
  }
  return { servers, issues, toolsRead, toolsReported };
}
