/**
 * The `when` of a rule (catalogue/rules/severity.yaml adjustments,
 * catalogue/rules/policy.yaml rules): categories, severities, signals it
 * needs and signals it must not have. One matcher, so a condition means the
 * same in the severity rule and in the policy rule. Imports only schema
 * types: the policy builder bundles it into the browser.
 */
import type { Category, RiskSignal, RuleCondition, Severity } from '../../schemas/rules.ts';

export function conditionHolds(
  when: RuleCondition,
  category: Category,
  signals: readonly RiskSignal[],
  severity?: Severity,
): boolean {
  if (when.categories && !when.categories.includes(category)) return false;
  if (when.severities && (!severity || !when.severities.includes(severity))) return false;
  if (when.signals && !when.signals.some((s) => signals.includes(s))) return false;
  if (when.without && when.without.some((s) => signals.includes(s))) return false;
  return true;
}
