/**
 * The policy text for one tool's choice: its policy.json entry, its Intercept
 * rules and the sentences that describe them. Plain functions with no
 * validation library, so the browser's policy builder runs this very code
 * (bundled by src/lib/site/bundle-client.ts) and writes exactly what the
 * build writes.
 */
import type { InterceptRule, PolicyChoice, PolicyLimit, ToolPolicy } from '../../schemas/policy.ts';

type Rate = NonNullable<PolicyChoice['rate']>;

export const APPROVAL_MESSAGE = 'Requires human approval.';

export const rateString = (r: Rate) => `${r.limit}/${r.window}`;

/**
 * A rate as policy.json writes it: a named counter per tool and window,
 * counted per grant, as the reference gateway's own policies name them.
 */
export function limitFor(tool: string, rate: Rate): PolicyLimit {
  return { counter: `${tool}_per_${rate.window}`, window: rate.window, max: rate.limit, scope: 'grant' };
}

/** The per-tool entry of policy.json for one choice (hide lives outside `tools`). */
export function toolEntry(tool: string, choice: PolicyChoice): ToolPolicy | null {
  switch (choice.kind) {
    case 'hide':
      return null;
    case 'approval':
      return { deny_if: [{ conditions: [], on_deny: APPROVAL_MESSAGE }] };
    case 'rate':
      return { limits: [limitFor(tool, choice.rate!)] };
    case 'allow':
      return {};
    case 'capped':
      return {
        deny_if: choice.caps!.map((c) => ({
          conditions: [c],
          on_deny: `${c.path.slice(5)} above ${String(c.value)} requires human approval.`,
        })),
      };
    case 'conditional':
      return {
        deny_if: [{ conditions: [{ path: `args.${choice.hold!.param}`, op: 'in', value: choice.hold!.values }], on_deny: holdMessage(choice) }],
        ...(choice.rate ? { limits: [limitFor(tool, choice.rate)] } : {}),
      };
  }
}

function holdMessage(choice: PolicyChoice): string {
  const h = choice.hold!;
  return `${h.param} ${h.values.map((v) => `"${v}"`).join(', ')} requires human approval.`;
}

/** Intercept rules for one choice. */
export function interceptRules(choice: PolicyChoice): InterceptRule[] {
  switch (choice.kind) {
    case 'hide':
      return [];
    case 'approval':
      return [{ name: 'require human approval', action: 'deny', on_deny: APPROVAL_MESSAGE }];
    case 'rate':
      return [{ name: `limit to ${rateString(choice.rate!)}`, rate_limit: rateString(choice.rate!), on_deny: `Rate limit of ${rateString(choice.rate!)} reached.` }];
    case 'allow':
      return [];
    case 'capped':
      // Intercept conditions say what must hold, so the cap is "lte".
      return choice.caps!.map((c) => ({
        name: `cap ${c.path.slice(5)}`,
        conditions: [{ path: c.path, op: 'lte' as const, value: c.value }],
        on_deny: `${c.path.slice(5)} above ${String(c.value)} requires human approval.`,
      }));
    case 'conditional': {
      // Intercept conditions say what must hold: the operation stays outside the held values.
      const h = choice.hold!;
      const rules: InterceptRule[] = [
        { name: `hold ${h.values.join(', ')} for approval`, action: 'evaluate', conditions: [{ path: `args.${h.param}`, op: 'not_in', value: h.values }], on_deny: holdMessage(choice) },
      ];
      if (choice.rate) rules.push({ name: `limit to ${rateString(choice.rate)}`, rate_limit: rateString(choice.rate), on_deny: `Rate limit of ${rateString(choice.rate)} reached.` });
      return rules;
    }
  }
}

export function describeKind(choice: PolicyChoice): string {
  switch (choice.kind) {
    case 'hide':
      return 'hidden from the agent';
    case 'approval':
      return 'human approval required';
    case 'rate':
      return `rate-limited to ${rateString(choice.rate!)}`;
    case 'allow':
      return 'allowed';
    case 'capped':
      return `allowed within caps on ${choice.caps!.map((c) => c.path.slice(5)).join(', ')}`;
    case 'conditional':
      return `${choice.hold!.param} ${choice.hold!.values.join('/')} refused and left to a person`;
  }
}

export function summarise(tool: string, choice: PolicyChoice): string {
  switch (choice.kind) {
    case 'hide':
      return `The gateway removes ${tool} from the tool list the agent sees and refuses any call to it.`;
    case 'approval':
      // Gateways such as Intercept cannot pause a call while someone decides:
      // "approval" refuses it with a message, and a person acts outside the agent.
      return `The gateway refuses every call to ${tool} with "${APPROVAL_MESSAGE}" A gateway cannot pause a call while someone decides, so a person makes the change themselves or lifts the rule for the task at hand.`;
    case 'rate':
      return `The gateway lets calls to ${tool} through until ${choice.rate!.limit} calls in one ${choice.rate!.window}, then refuses the rest until the window passes.`;
    case 'allow':
      return `The gateway lets every call to ${tool} through; with "default": "deny", tools you do not list stay blocked.`;
    case 'capped':
      return `The gateway lets calls to ${tool} through only while ${choice.caps!.map((c) => `${c.path.slice(5)} is at most ${String(c.value)}`).join(' and ')}, and refuses larger ones.`;
    case 'conditional': {
      const h = choice.hold!;
      return `The gateway lets ${tool} ${h.allowed.map((v) => `“${v}”`).join(', ')} through${choice.rate ? ` (up to ${choice.rate.limit} calls a ${choice.rate.window})` : ''} and refuses ${h.values.map((v) => `“${v}”`).join(', ')} in its ${h.param} argument, leaving those to a person.`;
    }
  }
}

