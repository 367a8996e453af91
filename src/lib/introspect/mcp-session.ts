/**
 * One MCP client session with a server, over stdio (we start the process) or
 * Streamable HTTP (we connect to a URL), using the official SDK client.
 *
 * The job of this module is the lifecycle: knowing when the server went away
 * on its own, and making sure a child process never outlives the run, even
 * one that ignores SIGTERM.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { StderrTail } from './stderr-tail.ts';

export type ServerTarget =
  | {
      kind: 'stdio';
      command: string;
      args: string[];
      /** Added to the SDK's small default environment (PATH, HOME, ...). */
      env?: Record<string, string>;
      cwd?: string;
    }
  | { kind: 'http'; url: string; headers?: Record<string, string> };

export const CLIENT_INFO = { name: 'toolrisk-introspect', version: '0.1.0' };

/** How long a stopped server gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 1000;

export interface McpSession {
  client: Client;
  target: ServerTarget;
  stderr: StderrTail;
  /** The protocol version agreed in initialize, once connected. */
  protocolVersion(): string | undefined;
  /** The last transport-level error (e.g. non-JSON on stdout), for diagnostics. */
  lastTransportError(): string | undefined;
  /** Whether the connection closed without us closing it (crash, exit). */
  closedByServer(): boolean;
  /** The child's pid (stdio only), for tests and diagnostics. */
  pid(): number | undefined;
  /** Ends the session; `force` skips the polite stdin-close and stops the child at once. */
  close(options: { force: boolean }): Promise<void>;
}

/** Creates the transport and client; nothing is started until `connect`. */
export function createSession(target: ServerTarget, options: { echoStderr?: (chunk: string) => void } = {}): {
  session: McpSession;
  transport: Transport;
} {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  let transport: Transport;
  let stderr: StderrTail;
  let pid: () => number | undefined = () => undefined;

  if (target.kind === 'stdio') {
    const stdio = new StdioClientTransport({
      command: target.command,
      args: target.args,
      env: target.env,
      cwd: target.cwd,
      // Piped, not inherited: we need it to explain crashes, and a server's
      // chatter should not interleave with our own output.
      stderr: 'pipe',
    });
    stderr = new StderrTail(stdio.stderr as never, options.echoStderr);
    // Remember the pid at start: the SDK forgets it once the process exits.
    let startedPid: number | undefined;
    const start = stdio.start.bind(stdio);
    stdio.start = async () => {
      await start();
      startedPid = stdio.pid ?? undefined;
    };
    pid = () => startedPid;
    transport = stdio;
  } else {
    transport = new StreamableHTTPClientTransport(new URL(target.url), {
      requestInit: target.headers ? { headers: target.headers } : undefined,
    });
    stderr = new StderrTail(null);
  }

  // The client calls this with the negotiated version after initialize (HTTP
  // transports need it for their headers); stdio has no such hook, so we add one.
  let negotiated: string | undefined;
  const forward = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    negotiated = version;
    forward?.(version);
  };

  let transportError: string | undefined;
  client.onerror = (error) => {
    transportError = error.message;
  };

  // A close is "ours" if anything (we, or the SDK after a failed initialize)
  // asked the transport to close first; otherwise the server went away.
  let closeRequested = false;
  const closeTransport = transport.close.bind(transport);
  transport.close = async () => {
    closeRequested = true;
    await closeTransport();
  };
  let closed = false;
  let closedBySelf = false;
  const closeWaiters: (() => void)[] = [];
  client.onclose = () => {
    closed = true;
    closedBySelf = closeRequested;
    for (const wake of closeWaiters.splice(0)) wake();
  };
  const waitClosed = (ms: number): Promise<boolean> =>
    closed
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          closeWaiters.push(() => {
            clearTimeout(timer);
            resolve(true);
          });
        });

  const session: McpSession = {
    client,
    target,
    stderr,
    protocolVersion: () => negotiated,
    lastTransportError: () => transportError,
    closedByServer: () => closed && !closedBySelf,
    pid: () => pid(),
    async close({ force }) {
      closeRequested = true;
      const childPid = pid();
      if (force && childPid !== undefined && !closed) signal(childPid, 'SIGTERM');
      // A stateful HTTP server is told the session is over (DELETE), if it can be reached.
      if (!force && transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
        await Promise.race([transport.terminateSession().catch(() => {}), sleep(2000)]);
      }
      // For stdio the SDK ends stdin, then escalates to SIGTERM/SIGKILL itself,
      // but only after 2 s + 2 s; we do not wait that long when forcing.
      const closingClient = client.close().catch(() => {});
      if (childPid !== undefined) {
        if (!(await waitClosed(force ? KILL_GRACE_MS : 5000))) {
          signal(childPid, 'SIGKILL');
          await waitClosed(KILL_GRACE_MS);
        }
      }
      await Promise.race([closingClient, sleep(5000)]);
      // Last line of defence: nothing we started may outlive us.
      if (childPid !== undefined && isRunning(childPid)) signal(childPid, 'SIGKILL');
    },
  };
  return { session, transport };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Whether a process exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
