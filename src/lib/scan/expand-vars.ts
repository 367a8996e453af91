/**
 * Variables in config values, resolved the way the client that owns the file
 * would, and only where that client documents it (sources in
 * config-locations.ts):
 *
 *   Cursor, VS Code   ${env:NAME}, ${userHome}, ${workspaceFolder}; VS Code's
 *                     ${input:id} is prompted for and cannot be answered offline
 *   Windsurf          ${env:NAME}; ${file:path} is not read (it would put a
 *                     file's contents, usually a secret, into the run)
 *   Claude Code       ${NAME} and ${NAME:-default}
 *   Claude Desktop,   nothing: values are passed as written
 *   other files
 *
 * Values come from this process's environment only. What cannot be resolved
 * is reported by name, never by value, and the server is not started with a
 * half-filled configuration.
 */
import type { ClientId } from './config-locations.ts';

export interface ExpandContext {
  client: ClientId;
  env: Record<string, string | undefined>;
  home: string;
  project: string;
}

export interface Expanded {
  value: string;
  /** "${env:API_KEY} (API_KEY is not set)", "${input:token} (VS Code asks for it when the server starts)" */
  unresolved: string[];
  /** Names of environment variables read, for the report. */
  used: string[];
  /** Placeholders left as written because this client does not expand them. */
  literal: string[];
}

const EDITOR_STYLE = /\$\{(env:([A-Za-z_][A-Za-z0-9_]*)|userHome|workspaceFolder|input:([^}]*)|file:([^}]*))\}/g;
const SHELL_STYLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const ANY_PLACEHOLDER = /\$\{[^}]+\}/g;

export function expandValue(value: string, ctx: ExpandContext): Expanded {
  const unresolved: string[] = [];
  const used: string[] = [];
  const literal: string[] = [];
  let out = value;
  switch (ctx.client) {
    case 'cursor':
    case 'vscode':
    case 'windsurf':
      out = value.replace(EDITOR_STYLE, (whole, _kind, envName?: string, input?: string, file?: string) => {
        if (envName !== undefined) {
          used.push(envName);
          const found = ctx.env[envName];
          if (found === undefined) unresolved.push(`${whole} (${envName} is not set)`);
          return found ?? whole;
        }
        if (input !== undefined) {
          if (ctx.client === 'vscode') unresolved.push(`${whole} (VS Code asks for it when the server starts; scan cannot)`);
          else literal.push(whole);
          return whole;
        }
        if (file !== undefined) {
          if (ctx.client === 'windsurf') unresolved.push(`${whole} (scan does not read files named in a config)`);
          else literal.push(whole);
          return whole;
        }
        if (ctx.client === 'windsurf') {
          literal.push(whole);
          return whole;
        }
        return whole === '${userHome}' ? ctx.home : ctx.project;
      });
      break;
    case 'claude-code':
      out = value.replace(SHELL_STYLE, (whole, name: string, fallback?: string) => {
        used.push(name);
        const found = ctx.env[name];
        if (found !== undefined) return found;
        if (fallback !== undefined) return fallback;
        unresolved.push(`${whole} (${name} is not set)`);
        return whole;
      });
      break;
    default:
      literal.push(...(value.match(ANY_PLACEHOLDER) ?? []));
  }
  return { value: out, unresolved, used, literal };
}
