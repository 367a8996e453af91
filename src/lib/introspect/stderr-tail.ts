/**
 * Keeps the last lines a server wrote to stderr, so a crash can be explained
 * in one line ("server exited during initialize: Error: ACME_API_KEY is not
 * set") instead of an opaque "Connection closed".
 */
import type { Readable } from 'node:stream';

const KEEP_LINES = 40;
const MAX_LINE = 240;

export class StderrTail {
  private readonly lines: string[] = [];
  private partial = '';
  private ended = false;
  private readonly endWaiters: (() => void)[] = [];

  constructor(stream: Readable | null, echo?: (chunk: string) => void) {
    if (!stream) {
      this.ended = true;
      return;
    }
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      echo?.(chunk);
      const parts = (this.partial + chunk).split(/\r?\n/);
      this.partial = parts.pop() ?? '';
      for (const line of parts) this.push(line);
    });
    stream.on('end', () => this.finish());
    stream.on('close', () => this.finish());
    stream.on('error', () => this.finish());
  }

  /** Resolves when the stream has ended, or after `ms` at most. */
  async settled(ms: number): Promise<void> {
    if (this.ended) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  all(): string[] {
    return this.partial ? [...this.lines, this.partial] : [...this.lines];
  }

  /**
   * The most telling line: the last one that names an error, else the last
   * non-blank one. (Node's uncaught-exception output ends with its version
   * line and a stack, neither of which says what went wrong.)
   */
  reason(): string | undefined {
    const lines = this.all()
      .map((line) => line.trim())
      .filter(Boolean);
    const telling = lines.findLast((line) => /\b(error|exception|fatal|panic|traceback|cannot|failed|not found|missing)\b/i.test(line));
    const line = telling ?? lines.at(-1);
    if (!line) return undefined;
    return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.shift();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.partial) {
      this.push(this.partial);
      this.partial = '';
    }
    for (const wake of this.endWaiters.splice(0)) wake();
  }
}
