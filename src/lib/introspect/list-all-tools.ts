/**
 * Pages through `tools/list`, following `nextCursor`, and returns the tools
 * exactly as the server sent them.
 *
 * The SDK's `client.listTools()` would validate every tool against its own
 * schema and reject the whole page for one bad tool, and would drop fields
 * it does not know. We ask with a schema that only checks the envelope, so
 * bad tools can be reported one by one and good ones keep every field.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { toolsListResultSchema } from '../../schemas/mcp-tool.ts';
import { IntrospectError } from './introspect-error.ts';

/** A server that keeps handing out cursors is broken, not big. */
const MAX_PAGES = 1000;

export interface ToolListing {
  tools: unknown[];
  pages: number;
}

/**
 * @param onPage told before each request, so a failure can say which page it was on
 */
export async function listAllTools(client: Client, options: RequestOptions, onPage?: (page: number) => void): Promise<ToolListing> {
  const tools: unknown[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    onPage?.(page);
    const result = await client.request(
      { method: 'tools/list', params: cursor === undefined ? {} : { cursor } },
      toolsListResultSchema as never,
      options,
    );
    const { tools: pageTools, nextCursor } = result as unknown as { tools: unknown[]; nextCursor?: string };
    tools.push(...pageTools);
    if (!nextCursor) return { tools, pages: page };
    if (seenCursors.has(nextCursor)) {
      throw new IntrospectError('protocol', `tools/list page ${page} returned cursor "${nextCursor}" again (the listing loops)`);
    }
    if (page >= MAX_PAGES) throw new IntrospectError('protocol', `tools/list still has more pages after ${MAX_PAGES}; giving up`);
    seenCursors.add(nextCursor);
    cursor = nextCursor;
  }
}
