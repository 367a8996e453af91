/**
 * Applies the written severity rule (catalogue/rules/severity.yaml): start
 * from the category's base level, then step up or down for each adjustment
 * whose condition holds. Every step taken is returned so pages can show it.
 */
import type { Category, RiskSignal, Severity, SeverityRules } from '../../schemas/rules.ts';
import { conditionHolds } from '../rules/condition.ts';
import { SEVERITIES } from '../../schemas/rules.ts';
import type { SeverityStep } from './types.ts';

export function applySeverity(
  rules: SeverityRules,
  category: Category,
  signals: readonly RiskSignal[],
): { base: Severity; severity: Severity; steps: SeverityStep[] } {
  const base = rules.base[category];
  let level = SEVERITIES.indexOf(base);
  const steps: SeverityStep[] = [];
  for (const adj of rules.adjustments) {
    if (!conditionHolds(adj.when, category, signals)) continue;
    const next = Math.min(SEVERITIES.length - 1, Math.max(0, level + adj.step));
    if (next === level) continue;
    level = next;
    steps.push({ id: adj.id, step: adj.step, because: adj.because });
  }
  return { base, severity: SEVERITIES[level]!, steps };
}
