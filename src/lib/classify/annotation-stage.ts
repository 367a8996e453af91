/**
 * Stage four: the server's own MCP annotations. They are hints the server
 * gives about itself, so they weigh like a parameter name, never like proof.
 */
import type { CompiledRules } from '../rules/load-rules.ts';
import { addSignalEvidence, noFindings, type Findings } from './findings.ts';
import type { ClassifyInput } from './types.ts';

export function scanAnnotations(rules: CompiledRules, input: ClassifyInput): Findings {
  const scan = noFindings();
  const a = input.annotations;
  if (!a) return scan;
  const w = rules.raw.weights.annotation;
  if (a.readOnlyHint === true) {
    scan.evidence.push({ source: 'annotation', text: 'readOnlyHint: true', supports: 'Read', signals: ['read_only'], weight: w, note: 'the server marks it read-only (a hint, not proof)' });
    scan.signals.add('read_only');
  } else if (a.destructiveHint === true) {
    scan.evidence.push({ source: 'annotation', text: 'destructiveHint: true', supports: 'Destructive', signals: [], weight: w, note: 'the server marks it destructive (a hint, not proof)' });
  }
  if (a.openWorldHint === true) addSignalEvidence(scan, 'annotation', 'openWorldHint: true', 'open_world', 'the server says it reaches outside systems');
  return scan;
}
