/**
 * Stage three: what the input schema says. Parameter names that take code,
 * keys, amounts or addresses, and enum parameters that select an operation.
 */
import type { CompiledRules } from '../rules/load-rules.ts';
import { normaliseParamName } from '../rules/load-rules.ts';
import { addSignalEvidence, NOTE_AMOUNT_PARAM, NOTE_DESTRUCTIVE_SWITCH, NOTE_RUNS_IMAGE, NOTE_SELECTABLE, NOTE_WRITES_FILE, type ParamFindings } from './findings.ts';
import { splitIdentifier } from '../text/words.ts';
import { precedenceRank } from './lexicon.ts';
import { findDescribedOperationParams, findDocumentedOperationParams, findOperationParams } from './operations.ts';
import type { ClassifyInput } from './types.ts';
import { toolParams, typeLabel } from '../text/params.ts';

interface ParamInfo {
  name: string;
  type: string;
}

function listParams(input: ClassifyInput): ParamInfo[] {
  return toolParams(input.inputSchema).map((p) => ({ name: p.name, type: typeLabel(p, '|') }));
}

/**
 * Whether a freeform_code parameter really takes code: "code" is as often a
 * stock or country code, so such names need a hint ("JavaScript to run") in
 * their own description, or in the tool's when they have none.
 */
function takesCode(rules: CompiledRules, input: ClassifyInput, name: string, word: string = name): boolean {
  const schema = input.inputSchema?.properties?.[name] as { description?: unknown; enum?: unknown } | undefined;
  // A closed set of values ("command": view, create, str_replace, undo_edit)
  // picks one of the tool's own operations; no caller-written code gets in.
  if (Array.isArray(schema?.enum) && schema.enum.length > 0) return false;
  const key = normaliseParamName(word);
  const query = rules.queryCode.has(key);
  if (!query && !rules.ambiguousCode.has(key)) return true;
  const own = typeof schema?.description === 'string' ? schema.description : '';
  const text = (own || (input.description ?? '')).toLowerCase();
  const hints = query ? rules.queryHints : rules.codeHints;
  for (const word of text.match(/[a-z]+/g) ?? []) if (hints.has(word)) return true;
  return false;
}

/**
 * Whether the code a code_tails parameter takes is run, not stored or shown
 * ("Example code for implementation"): a run word in its own description, the
 * tool's first sentence, or another parameter's name or description.
 */
function runsTailCode(rules: CompiledRules, input: ClassifyInput, name: string): boolean {
  const props = (input.inputSchema?.properties ?? {}) as Record<string, { description?: unknown } | undefined>;
  const texts = [(input.description ?? '').split(/(?<=[.!?])\s|\n/)[0]!];
  for (const [other, schema] of Object.entries(props)) {
    if (other !== name) texts.push(other);
    if (typeof schema?.description === 'string') texts.push(schema.description);
  }
  return texts.some((t) => splitIdentifier(t).some((w) => rules.codeTailRuns.has(w.word)));
}

/** Whether an image parameter names a container image: an image_hints word in its description or the tool's first sentence. */
function namesContainerImage(rules: CompiledRules, input: ClassifyInput, name: string): boolean {
  const schema = input.inputSchema?.properties?.[name] as { description?: unknown } | undefined;
  const texts = [typeof schema?.description === 'string' ? schema.description : '', (input.description ?? '').split(/(?<=[.!?])\s|\n/)[0]!];
  return texts.some((t) => splitIdentifier(t).some((w) => rules.imageHints.has(w.word)));
}

/** Whether an ambiguous secret name ("seed") takes one here: its description, or the tool's, must say so. */
function takesSecret(rules: CompiledRules, input: ClassifyInput, name: string): boolean {
  if (!rules.ambiguousSecret.has(normaliseParamName(name))) return true;
  const schema = input.inputSchema?.properties?.[name] as { description?: unknown } | undefined;
  const own = typeof schema?.description === 'string' ? schema.description : '';
  const text = `${own} ${input.description ?? ''}`.toLowerCase();
  for (const word of text.match(/[a-z0-9]+/g) ?? []) if (rules.secretHints.has(word)) return true;
  return false;
}

export function scanParams(rules: CompiledRules, input: ClassifyInput): ParamFindings {
  const scan: ParamFindings = { evidence: [], signals: new Set(), signingKey: false, setsSpend: false, startsImage: false, operationParams: [] };
  const w = rules.raw.weights;
  const params = listParams(input);
  let amount: ParamInfo | undefined;
  let recipient: ParamInfo | undefined;
  for (const p of params) {
    let kinds = rules.paramKinds.get(normaliseParamName(p.name));
    // "testScript", "init_sql": a longer name whose last word takes code (code_tails).
    let codeWord = p.name;
    if (!kinds) {
      const parts = splitIdentifier(p.name);
      const tail = parts.length > 1 ? parts[parts.length - 1]!.word : undefined;
      if (tail && rules.codeTails.has(tail) && runsTailCode(rules, input, p.name)) (kinds = ['freeform_code']), (codeWord = tail);
    }
    if (!kinds) continue;
    // A secret, key or seed phrase is text: a numeric "seed" makes a random
    // result reproducible ("Seed for reproducible results").
    const notText = p.type === 'number' || p.type === 'integer' || p.type === 'boolean';
    for (const kind of kinds) {
      if ((kind === 'credentials' || kind === 'signing_key') && (notText || !takesSecret(rules, input, p.name))) continue;
      if (kind === 'freeform_code' && (p.type === 'string' || p.type === 'any' || p.type.includes('string')) && takesCode(rules, input, p.name, codeWord)) {
        scan.signals.add('freeform_code');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Execute', signals: ['freeform_code'], weight: w.param, note: 'a parameter that takes code, a command or a query' });
      } else if (kind === 'filesystem_path') {
        addSignalEvidence(scan, 'parameter', p.name, 'filesystem_path', 'a parameter that takes a file or folder path');
      } else if (kind === 'credentials') {
        // Needing a key to call a service is not the same as handing one back.
        addSignalEvidence(scan, 'parameter', p.name, 'needs_credentials', 'a parameter that takes a secret');
      } else if (kind === 'signing_key') {
        scan.signingKey = true;
        addSignalEvidence(scan, 'parameter', p.name, 'key_material', 'a parameter that takes a private key or seed phrase');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Financial', signals: ['signs_transactions'], weight: w.param, note: 'a parameter that takes a private key to sign with' });
      } else if (kind === 'leverage' && p.type !== 'boolean') {
        scan.signals.add('leverage');
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Financial', signals: ['leverage'], weight: w.param * 0.5, note: 'a leverage or margin parameter' });
      } else if (kind === 'bulk' && (p.type === 'boolean' || p.name.toLowerCase() === 'all')) {
        addSignalEvidence(scan, 'parameter', p.name, 'bulk_scope', 'a switch that widens the call to everything');
      } else if (kind === 'open_world') {
        addSignalEvidence(scan, 'parameter', p.name, 'open_world', 'a parameter that takes an outside address');
      } else if (kind === 'output_path' && p.type !== 'boolean') {
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Write', signals: ['filesystem_path'], weight: w.param, note: NOTE_WRITES_FILE });
        scan.signals.add('filesystem_path');
      } else if (kind === 'container_image' && !scan.startsImage && p.type !== 'boolean' && namesContainerImage(rules, input, p.name)) {
        scan.startsImage = true;
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Execute', signals: [], weight: w.param, note: NOTE_RUNS_IMAGE });
      } else if (kind === 'spend' && p.type !== 'boolean' && !scan.setsSpend) {
        scan.setsSpend = true;
        scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Financial', signals: ['sets_spend'], weight: w.param * 0.5, note: 'a parameter that sets how much money the call commits' });
        scan.signals.add('sets_spend');
      } else if (kind === 'amount' && !amount && p.type !== 'boolean') {
        amount = p;
      } else if (kind === 'recipient' && !recipient) {
        recipient = p;
      }
    }
  }
  // A method and a path the caller chooses ("method": any string, "path"):
  // a generic API client, whose input decides what one call does.
  const free = (list: readonly string[]) => params.find((p) => list.includes(normaliseParamName(p.name)) && (p.type === 'string' || p.type === 'any') && !Array.isArray((input.inputSchema?.properties?.[p.name] as { enum?: unknown } | undefined)?.enum));
  const method = free(rules.raw.params.request_method);
  const path = method && free(rules.raw.params.request_path);
  if (method && path) scan.evidence.push({ source: 'parameter', text: `${method.name} + ${path.name}`, supports: 'Execute', signals: [], weight: w.param, note: 'a method and a path the caller chooses, so it sends any request the API accepts' });
  // "truncateTarget", "dropTarget": a switch that empties or drops what is
  // there before the call copies, imports or renames into it.
  const switches = rules.raw.destructive_switches;
  // "force" on a push replaces the remote branch's history; on most other tools it only skips a check.
  let nameWords: string[] | undefined;
  const inContext = (p: ParamInfo) => {
    const candidates = switches.in_context.filter((c) => c.switches.includes(normaliseParamName(p.name)));
    if (!candidates.length) return undefined;
    nameWords ??= splitIdentifier(input.name).map((t) => t.word);
    return candidates.find((c) => c.actions.some((a) => nameWords!.includes(a)));
  };
  for (const p of params) {
    if (p.type !== 'boolean') continue;
    const parts = splitIdentifier(p.name).map((t) => t.word);
    const wipes = switches.verbs.includes(parts[0]!) && !parts.some((x) => switches.not_with.includes(x));
    const context = wipes ? undefined : inContext(p);
    if (!wipes && !context) continue;
    // The gloss says what the switch destroys, where that is not "what is already there".
    scan.evidence.push({ source: 'parameter', text: p.name, supports: 'Destructive', signals: ['irreversible'], weight: w.param, note: NOTE_DESTRUCTIVE_SWITCH, ...(context ? { gloss: context.says } : {}) });
    break;
  }
  if (amount && recipient) {
    scan.signals.add('moves_money');
    scan.evidence.push({ source: 'parameter', text: `${amount.name} + ${recipient.name}`, supports: 'Financial', signals: ['moves_money'], weight: w.param, note: 'an amount and a recipient together' });
  } else if (amount) {
    scan.evidence.push({ source: 'parameter', text: amount.name, supports: 'Financial', signals: [], weight: w.param * 0.3, note: NOTE_AMOUNT_PARAM });
  }
  const many = rules.raw.limits.many_params;
  if (params.length > many) {
    addSignalEvidence(scan, 'parameter', `${params.length} parameters`, 'high_param_count', `more than ${many} parameters to get right`);
  }
  // Enum parameters that pick the operation: the most dangerous value counts
  // as strongly as the name, because the caller can always choose it.
  const declared = findOperationParams(rules, input);
  const known = new Set(declared.map((p) => p.name));
  const documented = input.description ? findDocumentedOperationParams(rules, input.description.slice(0, rules.raw.limits.body_scan_chars), known) : [];
  for (const p of documented) known.add(p.name);
  const described = findDescribedOperationParams(rules, input, known);
  for (const op of [...declared, ...documented, ...described]) {
    scan.operationParams.push(op);
    const worst = [...op.operations].sort((a, b) => precedenceRank(rules, a.category) - precedenceRank(rules, b.category))[0]!;
    scan.evidence.push({
      source: 'parameter',
      text: `${op.name}: ${worst.value}`,
      supports: worst.category,
      signals: [],
      weight: rules.raw.operations.weight,
      note: NOTE_SELECTABLE(op.name),
    });
  }
  return scan;
}
