/**
 * Checks every served tool against the MCP Tool schema the catalogue uses,
 * and that names are unique (clients call tools by name, and the catalogue
 * addresses them by name: two tools with one name cannot both be real).
 */
import { mcpToolSchema } from '../../schemas/mcp-tool.ts';
import { formatZodError } from '../config.ts';

export interface ToolProblem {
  /** 0-based position in the combined tools/list result. */
  index: number;
  /** The name as served, or a placeholder when there is none. */
  name: string;
  problem: string;
}

export function checkTools(tools: readonly unknown[]): ToolProblem[] {
  const problems: ToolProblem[] = [];
  const firstIndexByName = new Map<string, number>();
  tools.forEach((tool, index) => {
    const name = displayName(tool);
    const parsed = mcpToolSchema.safeParse(tool);
    if (!parsed.success) {
      const problem = formatZodError(parsed.error);
      problems.push({ index, name, problem });
      return;
    }
    const first = firstIndexByName.get(parsed.data.name);
    if (first !== undefined) {
      problems.push({ index, name, problem: `duplicate name (first used by tool #${first})` });
    } else {
      firstIndexByName.set(parsed.data.name, index);
    }
  });
  return problems;
}

function displayName(tool: unknown): string {
  const name = (tool as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && name.trim()) return name;
  return typeof name === 'string' ? '(empty name)' : '(no name)';
}

/** `tool #3 "search": inputSchema.type: inputSchema.type must be "object"` */
export function formatToolProblem(problem: ToolProblem): string {
  return `tool #${problem.index} "${problem.name}": ${problem.problem}`;
}
