/**
 * The MCP client configuration files `npm run scan` reads. Each client keeps
 * a map of server name → entry; the file shapes differ only in the key of
 * that map and in what sits beside it (src/lib/scan/config-locations.ts
 * cites where each client documents its file).
 *
 * Files are checked loosely and entries one by one: clients add keys of
 * their own, and one malformed entry must not hide the other servers.
 */
import { z } from 'zod';

const serverMap = z.record(z.string(), z.unknown());

/** Claude Desktop, Cursor, Windsurf, Claude Code's .mcp.json: `{ "mcpServers": { … } }`. */
export const mcpServersFileSchema = z.looseObject({ mcpServers: serverMap.optional() });

/** VS Code's mcp.json: `{ "servers": { … }, "inputs": [ … ] }`; inputs are prompted for, never stored. */
export const vscodeFileSchema = z.looseObject({
  servers: serverMap.optional(),
  inputs: z.array(z.looseObject({ id: z.string(), type: z.string().optional(), description: z.string().optional() })).optional(),
});

/**
 * Claude Code's ~/.claude.json: user-scope servers at the top, local-scope
 * servers under the absolute path of the project they belong to.
 */
export const claudeCodeUserFileSchema = z.looseObject({
  mcpServers: serverMap.optional(),
  projects: z.record(z.string(), z.looseObject({ mcpServers: serverMap.optional() })).optional(),
});

const stringMap = z.record(z.string(), z.string());

/**
 * One server entry, the union of the clients' fields: a command to start
 * (stdio) or a URL to connect to (`url`; Windsurf also `serverUrl`), and an
 * optional `type` (stdio | http | streamable-http | sse).
 */
export const serverEntrySchema = z.looseObject({
  type: z.string().optional(),
  command: z.string().min(1).optional(),
  args: z.array(z.string()).optional(),
  env: stringMap.optional(),
  envFile: z.string().optional(),
  cwd: z.string().optional(),
  url: z.string().min(1).optional(),
  serverUrl: z.string().min(1).optional(),
  headers: stringMap.optional(),
  disabled: z.boolean().optional(),
});
export type ServerEntry = z.infer<typeof serverEntrySchema>;
