/**
 * Runs one introspection: connect (or start) the server, initialize, page
 * through tools/list, check the tools, and always end the session.
 *
 * One deadline covers the whole run (start-up included), because a server can
 * hang anywhere, and the person running this wants an answer in bounded time.
 * Every failure becomes an IntrospectError with a one-line message.
 */
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { checkTools, type ToolProblem } from './check-tools.ts';
import { IntrospectError } from './introspect-error.ts';
import { listAllTools } from './list-all-tools.ts';
import { createSession, type McpSession, type ServerTarget } from './mcp-session.ts';
import { redactUrl } from './redact-url.ts';

export interface IntrospectOptions {
  /** Overall limit for start-up, initialize and all tools/list pages. */
  timeoutMs: number;
  /** Receives the server's stderr as it arrives (it is captured either way). */
  echoStderr?: (chunk: string) => void;
}

export interface ServerInfo {
  name: string;
  version: string;
  title?: string;
  description?: string;
  websiteUrl?: string;
}

export interface IntrospectResult {
  serverInfo: ServerInfo;
  protocolVersion?: string;
  instructions?: string;
  /** The concatenated tools/list pages, exactly as served. */
  tools: unknown[];
  pages: number;
  problems: ToolProblem[];
  /** The server process (stdio), already stopped; for diagnostics and tests. */
  pid?: number;
}

export async function introspectServer(target: ServerTarget, options: IntrospectOptions): Promise<IntrospectResult> {
  const { session, transport } = createSession(target, { echoStderr: options.echoStderr });
  let phase = 'start-up';
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new IntrospectError('timeout', `timed out after ${seconds(options.timeoutMs)} waiting for ${phase}`)),
      options.timeoutMs,
    );
  });
  deadline.catch(() => {}); // only ever observed through Promise.race
  const abort = new AbortController();
  // Our deadline must fire first, so the SDK's own request timeout is set past it.
  const requestOptions = { signal: abort.signal, timeout: options.timeoutMs + 5000 };

  let succeeded = false;
  try {
    phase = 'initialize';
    await Promise.race([session.client.connect(transport, requestOptions), deadline]);
    const listing = await Promise.race([
      listAllTools(session.client, requestOptions, (page) => {
        phase = `tools/list (page ${page})`;
      }),
      deadline,
    ]);
    const info = session.client.getServerVersion();
    if (!info) throw new IntrospectError('protocol', 'initialize returned no serverInfo');
    succeeded = true;
    return {
      serverInfo: pickServerInfo(info),
      protocolVersion: session.protocolVersion(),
      instructions: session.client.getInstructions(),
      tools: listing.tools,
      pages: listing.pages,
      problems: checkTools(listing.tools),
      pid: session.pid(),
    };
  } catch (error) {
    const explained = await explainFailure(error, session, phase);
    explained.pid = session.pid();
    throw explained;
  } finally {
    clearTimeout(timer);
    abort.abort();
    await session.close({ force: !succeeded });
  }
}

function pickServerInfo(info: ServerInfo): ServerInfo {
  const { name, version, title, description, websiteUrl } = info;
  return { name, version, title, description, websiteUrl };
}

async function explainFailure(error: unknown, session: McpSession, phase: string): Promise<IntrospectError> {
  const target = session.target;
  const code = errorCode(error);
  const syscall = (error as { syscall?: unknown } | null)?.syscall;
  if (target.kind === 'stdio' && typeof syscall === 'string' && syscall.startsWith('spawn')) {
    const why = code === 'ENOENT' ? 'command not found' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
    return new IntrospectError('start', `could not start "${target.command}": ${why}`, { cause: error });
  }
  if (session.closedByServer()) {
    // The process is gone; let its last stderr lines arrive before quoting them.
    await session.stderr.settled(500);
    const reason = session.stderr.reason();
    return new IntrospectError('exited', `server exited during ${phase}${reason ? `: ${reason}` : ' (nothing on stderr)'}`, { cause: error });
  }
  if (error instanceof IntrospectError) {
    if (error.kind !== 'timeout') return error;
    const hints = [session.stderr.reason() && `last stderr: ${session.stderr.reason()}`, session.lastTransportError()].filter(Boolean);
    return hints.length ? new IntrospectError('timeout', `${error.message} (${hints.join('; ')})`) : error;
  }
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  if (target.kind === 'http' && phase === 'initialize' && (code || (error instanceof TypeError && cause))) {
    // fetch reports "fetch failed"; the reason (ECONNREFUSED, bad port, ...) is in its cause.
    return new IntrospectError('start', `could not connect to ${redactUrl(target.url)}: ${code ?? String(cause)}`, { cause: error });
  }
  const message = error instanceof McpError || error instanceof Error ? error.message : String(error);
  return new IntrospectError('protocol', `${phase} failed: ${message.replace(/\s+/g, ' ').trim()}`, { cause: error });
}

/** `ENOENT`, `ECONNREFUSED`, ... from an error or its cause (fetch wraps it). */
function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
