/**
 * GET a JSON document with a per-request timeout and a few retries.
 *
 * Only failures that a second attempt can fix are retried: timeouts, network
 * errors, HTTP 5xx and 429. A 4xx or a body that is not JSON will be the same
 * next time, so they fail at once with the URL in the message.
 */

export interface FetchJsonOptions {
  /** Per attempt, covering connect, headers and body. */
  timeoutMs: number;
  /** Extra attempts after the first. */
  retries: number;
  /** Wait before retry n (1-based) is `retryDelayMs * 2^(n-1)`. */
  retryDelayMs: number;
  /** Told about each failed attempt that will be retried. */
  onRetry?: (info: { url: string; attempt: number; reason: string; delayMs: number }) => void;
}

/** What went wrong; `timeout`, `network` and `server` are worth another attempt. */
export type FetchFailure = 'timeout' | 'network' | 'server' | 'client' | 'not-json';

/** A request that failed for good. */
export class FetchJsonError extends Error {
  readonly url: string;
  readonly failure: FetchFailure;
  readonly reason: string;
  constructor(url: string, failure: FetchFailure, reason: string) {
    super(`${url}: ${reason}`);
    this.name = 'FetchJsonError';
    this.url = url;
    this.failure = failure;
    this.reason = reason;
  }
  get retryable(): boolean {
    return this.failure === 'timeout' || this.failure === 'network' || this.failure === 'server';
  }
}

export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, options.timeoutMs);
    } catch (error) {
      const failure = error instanceof FetchJsonError ? error : new FetchJsonError(url, 'network', String(error));
      if (!failure.retryable || attempt > options.retries) {
        if (attempt > 1) throw new FetchJsonError(url, failure.failure, `${failure.reason} (after ${attempt} attempts)`);
        throw failure;
      }
      const delayMs = options.retryDelayMs * 2 ** (attempt - 1);
      options.onRetry?.({ url, attempt, reason: failure.reason, delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function fetchOnce(url: string, timeoutMs: number): Promise<unknown> {
  let body: string;
  let status: number;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    // Read the body under the same timeout: a server can stall mid-body too.
    body = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new FetchJsonError(url, 'timeout', `no response within ${formatMs(timeoutMs)}`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchJsonError(url, 'network', `request failed: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (status >= 500 || status === 429) {
    throw new FetchJsonError(url, 'server', `HTTP ${status}`);
  }
  if (status < 200 || status >= 300) {
    throw new FetchJsonError(url, 'client', `HTTP ${status}: ${snippet(body)}`);
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new FetchJsonError(url, 'not-json', `response is not JSON: ${snippet(body)}`);
  }
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 120 ? `${oneLine.slice(0, 120)}…` : oneLine || '(empty body)';
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
