/**
 * Where MCP clients keep their server lists on Linux and macOS, as each
 * client documents it (checked November 2026):
 *
 *   - Claude Desktop: `claude_desktop_config.json`, key `mcpServers`, in
 *     ~/Library/Application Support/Claude/ (macOS) and ~/.config/Claude/
 *     (Linux) (modelcontextprotocol.io/quickstart/user and Anthropic's help
 *     pages; several server READMEs give the Linux path).
 *   - Cursor: ~/.cursor/mcp.json (every project) and <project>/.cursor/mcp.json,
 *     key `mcpServers`; `command` or `url`; interpolates ${env:NAME},
 *     ${userHome} and ${workspaceFolder} (cursor.com/docs/mcp).
 *   - VS Code: <project>/.vscode/mcp.json and mcp.json in the user profile
 *     (~/.config/Code/User/, ~/Library/Application Support/Code/User/), key
 *     `servers`, `type` stdio | http | sse, `inputs` prompted for secrets
 *     referenced as ${input:id} (code.visualstudio.com/docs/copilot/reference/mcp-configuration).
 *   - Claude Code: <project>/.mcp.json (project scope) and ~/.claude.json
 *     (user scope at the top, local scope under "projects" → the project's
 *     path), key `mcpServers`; expands ${VAR} and ${VAR:-default} in command,
 *     args, env, url and headers (code.claude.com/docs/en/mcp).
 *   - Windsurf: ~/.codeium/windsurf/mcp_config.json, key `mcpServers`, remote
 *     servers under `serverUrl` (or `url`); interpolates ${env:NAME} in
 *     command, args, env, serverUrl, url and headers (docs.windsurf.com/windsurf/cascade/mcp).
 *
 * Both the Linux and the macOS locations are looked at on either system: a
 * path that does not exist costs nothing, and tests need not fake a platform.
 * Which file wins where two of a client's files name the same server is
 * decided by scope, in client-configs.ts.
 */
import { join, resolve } from 'node:path';

export const CLIENTS = ['claude-desktop', 'cursor', 'vscode', 'claude-code', 'windsurf', 'config'] as const;
export type ClientId = (typeof CLIENTS)[number];

export const CLIENT_NAMES: Record<ClientId, string> = {
  'claude-desktop': 'Claude Desktop',
  cursor: 'Cursor',
  vscode: 'VS Code',
  'claude-code': 'Claude Code',
  windsurf: 'Windsurf',
  config: 'other client',
};

/** How a file lists its servers. */
export type ConfigFormat = 'mcpServers' | 'vscode' | 'claude-code-user';

export interface ConfigLocation {
  client: ClientId;
  path: string;
  format: ConfigFormat;
  /** Project files run their servers from the project folder and may use ${workspaceFolder}. */
  scope: 'user' | 'project';
}

export interface Places {
  home: string;
  project: string;
  /** For XDG_CONFIG_HOME; nothing else is read from it here. */
  env: Record<string, string | undefined>;
}

export function knownLocations({ home, project, env }: Places): ConfigLocation[] {
  const xdg = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(home, '.config');
  const macSupport = join(home, 'Library', 'Application Support');
  const at = (client: ClientId, path: string, format: ConfigFormat, scope: ConfigLocation['scope']): ConfigLocation => ({ client, path, format, scope });
  return [
    at('claude-desktop', join(macSupport, 'Claude', 'claude_desktop_config.json'), 'mcpServers', 'user'),
    at('claude-desktop', join(xdg, 'Claude', 'claude_desktop_config.json'), 'mcpServers', 'user'),
    at('cursor', join(project, '.cursor', 'mcp.json'), 'mcpServers', 'project'),
    at('cursor', join(home, '.cursor', 'mcp.json'), 'mcpServers', 'user'),
    at('vscode', join(project, '.vscode', 'mcp.json'), 'vscode', 'project'),
    at('vscode', join(macSupport, 'Code', 'User', 'mcp.json'), 'vscode', 'user'),
    at('vscode', join(xdg, 'Code', 'User', 'mcp.json'), 'vscode', 'user'),
    // ~/.claude.json holds both the local scope (which beats .mcp.json) and the user scope (which does not).
    at('claude-code', join(home, '.claude.json'), 'claude-code-user', 'user'),
    at('claude-code', join(project, '.mcp.json'), 'mcpServers', 'project'),
    at('windsurf', join(home, '.codeium', 'windsurf', 'mcp_config.json'), 'mcpServers', 'user'),
  ];
}

/**
 * A file given with --config: its client is told by its name and place
 * (which decides the variable rules); an unknown name counts as a plain
 * `mcpServers` file, or a VS Code one if it turns out to have `servers`.
 */
export function locationOf(path: string, project: string): ConfigLocation {
  const full = resolve(path);
  const norm = full.replace(/\\/g, '/');
  const scope = norm.startsWith(resolve(project).replace(/\\/g, '/') + '/') ? 'project' : 'user';
  if (norm.endsWith('/claude_desktop_config.json')) return { client: 'claude-desktop', path: full, format: 'mcpServers', scope: 'user' };
  if (norm.endsWith('/.cursor/mcp.json')) return { client: 'cursor', path: full, format: 'mcpServers', scope };
  if (norm.endsWith('/.vscode/mcp.json') || norm.endsWith('/Code/User/mcp.json')) return { client: 'vscode', path: full, format: 'vscode', scope };
  if (norm.endsWith('/.claude.json')) return { client: 'claude-code', path: full, format: 'claude-code-user', scope: 'user' };
  if (norm.endsWith('/.mcp.json')) return { client: 'claude-code', path: full, format: 'mcpServers', scope };
  if (norm.endsWith('/windsurf/mcp_config.json')) return { client: 'windsurf', path: full, format: 'mcpServers', scope: 'user' };
  return { client: 'config', path: full, format: 'mcpServers', scope };
}
