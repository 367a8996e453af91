/**
 * Tool-poisoning detectors: hidden instructions aimed at the agent, requests
 * for sensitive files, instructions to call other tools, invisible or
 * confusable characters, oversized descriptions, side-channel and secret
 * parameters. Each finding quotes the exact text that triggered it.
 * Patterns live in catalogue/rules/poisoning.yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatZodError, RULES_DIR } from '../config.ts';
import { z } from 'zod';
import { normaliseForMatching } from '../text/normalize.ts';
import { codePointLabel, findInvisible, mixedScriptWord } from '../text/invisible.ts';
import { normaliseParamName } from '../rules/load-rules.ts';

export const POISONING_SIGNALS = {
  hidden_instructions: 'Hidden instructions aimed at the agent',
  agent_directive: 'Emphatic directions to the agent',
  sensitive_file_request: 'Asks for sensitive files',
  cross_tool_instruction: 'Steers other tool calls',
  invisible_unicode: 'Invisible or confusable characters',
  oversized_description: 'Very long description',
  exfiltration_parameter: 'Parameter asks for conversation or secrets',
  side_channel_parameter: 'Unexplained free-text parameter',
  secret_parameter: 'Parameter accepts secrets',
  tool_shadowing: "Names another server's tool",
} as const;
export type PoisoningSignal = keyof typeof POISONING_SIGNALS;

const rulesSchema = z.object({
  hidden_instructions: z.array(z.string()),
  /** Emphasis aimed at the agent with no request behind it: flagged, not hidden. */
  agent_directives: z.array(z.string()).default([]),
  /** Finding ids that mean the definition steers the agent against its user. */
  steering: z.array(z.string()).default(['hidden_instructions', 'exfiltration_parameter']),
  /** A sensitive-file finding steers only when its text names one of these. */
  steering_files: z.string().default('~/\\.ssh'),
  sensitive_file_request: z.array(z.string()),
  cross_tool_instruction: z.array(z.string()),
  tool_directives: z.array(z.string()),
  exfiltration_param_names: z.array(z.string()),
  /** The side-channel names suspicious even with no description (the rest need a description that asks for the conversation or secrets). */
  side_channel_names: z.array(z.string()).default([]),
  exfiltration_param_text: z.array(z.string()),
  shadowing_min_name_length: z.number().int().positive(),
  shadowing_context: z.string(),
  oversized_description_chars: z.number().int().positive(),
});

interface CompiledPoisoningRules {
  hidden: RegExp[];
  directives2: RegExp[];
  steering: Set<string>;
  steeringFiles: RegExp;
  files: RegExp[];
  crossTool: RegExp[];
  directives: RegExp[];
  exfilNames: Set<string>;
  sideChannelNames: Set<string>;
  exfilText: RegExp[];
  shadowingMin: number;
  shadowingContext: RegExp;
  oversized: number;
}

const RULES_FILE = join(RULES_DIR, 'poisoning.yaml');
let compiled: CompiledPoisoningRules | undefined;

export function poisoningRules(): CompiledPoisoningRules {
  if (compiled) return compiled;
  const parsed = rulesSchema.safeParse(parseYaml(readFileSync(RULES_FILE, 'utf8')));
  if (!parsed.success) throw new Error(`${RULES_FILE}: invalid rules: ${formatZodError(parsed.error)}`);
  const r = parsed.data;
  const re = (list: string[]) => list.map((s) => new RegExp(s, 'iu'));
  compiled = {
    hidden: re(r.hidden_instructions),
    directives2: re(r.agent_directives),
    steering: new Set(r.steering),
    steeringFiles: new RegExp(r.steering_files, 'iu'),
    files: re(r.sensitive_file_request),
    crossTool: r.cross_tool_instruction.map((x) => new RegExp(x, 'giu')),
    directives: r.tool_directives.map((x) => new RegExp(x, 'giu')),
    exfilNames: new Set(r.exfiltration_param_names.map(normaliseParamName)),
    sideChannelNames: new Set(r.side_channel_names.map(normaliseParamName)),
    exfilText: re(r.exfiltration_param_text),
    shadowingMin: r.shadowing_min_name_length,
    shadowingContext: new RegExp(r.shadowing_context, 'iu'),
    oversized: r.oversized_description_chars,
  };
  return compiled;
}

export interface Finding {
  id: PoisoningSignal;
  label: string;
  where: string;
  text: string;
  patterns: string[];
}

function snippet(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 20);
  const end = Math.min(text.length, index + length + 20);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
}

function firstMatch(patterns: RegExp[], text: string): { text: string } | undefined {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return { text: snippet(text, m.index, m[0].length) };
  }
  return undefined;
}

// Which characters hide text (and the emoji they are part of) is
// invisible.ts's table, the one matching strips and pages reveal.
function describeHidden(raw: string): string {
  const found = findInvisible(raw);
  if (!found) return '';
  return `${codePointLabel(found.char)} at character ${found.index}${found.count > 1 ? ` (${found.count} hidden characters in all)` : ''}`;
}

/** What detection reads of a tool: its name, its description and its parameters. */
export interface PoisoningInput {
  name: string;
  description: string;
}

export interface PoisoningParam {
  name: string;
  /** The JSON Schema type, `a | b` for a list, `any` when none is given. */
  type: string;
  description?: string;
}

/**
 * @param siblings names of the other tools on the same server: directives to
 * call one of them are usage hints, not poisoning.
 */
export function detectPoisoning(tool: PoisoningInput, params: readonly PoisoningParam[], siblings: ReadonlySet<string> = new Set()): Finding[] {
  const r = poisoningRules();
  const findings: Finding[] = [];
  const add = (id: PoisoningSignal, where: string, text: string) => {
    if (findings.some((f) => f.id === id && f.where === where)) return;
    findings.push({ id, label: POISONING_SIGNALS[id], where, text: text.length > 240 ? text.slice(0, 239) + '…' : text, patterns: [] });
  };
  const raw = tool.description;
  const text = normaliseForMatching(raw.length > 200_000 ? raw.slice(0, 200_000) : raw);

  const hidden = firstMatch(r.hidden, text);
  if (hidden) add('hidden_instructions', 'description', hidden.text);
  const emphatic = hidden ? undefined : firstMatch(r.directives2, text);
  if (emphatic) add('agent_directive', 'description', emphatic.text);
  const files = firstMatch(r.files, text);
  if (files) add('sensitive_file_request', 'description', files.text);
  // Naming a tool of the same server is a usage hint; any other target steers.
  for (const directive of [...r.crossTool, ...r.directives]) {
    directive.lastIndex = 0;
    for (const m of text.matchAll(directive)) {
      const target = m.groups?.target;
      if (target !== undefined && (siblings.has(target) || target === tool.name)) continue;
      add('cross_tool_instruction', 'description', snippet(text, m.index ?? 0, m[0].length));
      break;
    }
  }
  for (const [where, value] of [['name', tool.name], ['description', raw]] as const) {
    const hiddenChars = describeHidden(value);
    if (hiddenChars) add('invisible_unicode', where, hiddenChars);
    const mixed = mixedScriptWord(value);
    if (mixed) add('invisible_unicode', where, `look-alike letters from two scripts in “${mixed}”`);
  }
  if (raw.length > r.oversized) add('oversized_description', 'description', `${raw.length.toLocaleString('en-US')} characters`);

  for (const p of params) {
    const where = `parameter ${p.name}`;
    const d = p.description ?? '';
    if (d) {
      const norm = normaliseForMatching(d);
      const h = firstMatch(r.hidden, norm) ?? firstMatch(r.files, norm);
      if (h) add('hidden_instructions', where, h.text);
      const hc = describeHidden(d);
      if (hc) add('invisible_unicode', where, hc);
    }
    const key = normaliseParamName(p.name);
    if (r.exfilNames.has(key) && (p.type === 'string' || p.type === 'any')) {
      const asks = d ? firstMatch(r.exfilText, normaliseForMatching(d)) : undefined;
      const toolMentions = text.toLowerCase().includes(p.name.toLowerCase());
      if (asks) add('exfiltration_parameter', where, asks.text);
      // No stated purpose is worth a look, not proof of an attack: flagged, not hidden.
      else if (!d && !toolMentions && r.sideChannelNames.has(key)) add('side_channel_parameter', where, `free-text “${p.name}” with no stated purpose`);
    }
  }
  return findings;
}

/** True when a finding means the definition steers the agent against its user (rules: `steering`, `steering_files`). */
export function isSteering(f: Pick<Finding, 'id' | 'text'>): boolean {
  const r = poisoningRules();
  if (r.steering.has(f.id)) return true;
  return f.id === 'sensitive_file_request' && r.steeringFiles.test(f.text);
}
