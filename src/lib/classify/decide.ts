/**
 * The classifier's decision step: scores, precedence, the operation rules,
 * signals, severity and confidence, from the evidence the stages returned.
 */
import { CATEGORIES, type Category, type RiskSignal } from '../../schemas/rules.ts';
import type { CompiledRules } from '../rules/load-rules.ts';
import { baseForms, splitIdentifier } from '../text/words.ts';
import type { ListedAction } from './action-lists.ts';
import { isExtraOperation, isStatedAction, NOTE_AMOUNT_PARAM, NOTE_NAME_LATER, NOTE_DESTRUCTIVE_SWITCH, NOTE_LISTED, NOTE_WORST_CASE, NOTE_READ_TAIL, NOTE_SELECTABLE, NOTE_THEN, OVERRULED, type DescriptionFindings, type Findings, type NameFindings, type ParamFindings } from './findings.ts';
import { negatedBefore, precedenceRank } from './lexicon.ts';
import type { OperationParam } from './operations.ts';
import { objectContext, objectKindOf } from './object-kind.ts';
import { applySeverity } from './severity.ts';
import type { Classification, ClassifyInput, Evidence, ObjectInfo, Operation } from './types.ts';

/** Signals that only make sense for some categories are dropped elsewhere. */
const SIGNAL_SCOPE: Partial<Record<RiskSignal, readonly Category[]>> = {
  bulk_scope: ['Write', 'Execute', 'Financial', 'Destructive'],
  irreversible: ['Destructive', 'Financial'],
  moves_money: ['Financial'],
  leverage: ['Financial', 'Write'],
  signs_transactions: ['Financial'],
  billable_resource: ['Financial'],
  unsigned_transaction: ['Financial'],
  bills_customer: ['Financial'],
  external_messaging: ['Write', 'Execute', 'Financial'],
  admin_scope: ['Write', 'Execute', 'Destructive'],
  read_only: ['Read', 'Execute'],
  recreatable: ['Destructive'],
  reversible: ['Destructive', 'Write'],
  high_loss_object: ['Destructive', 'Execute', 'Write'],
  public_audience: ['Write', 'Execute'],
  server_side_fetch: ['Read'],
  host_shell: ['Execute'],
  sandboxed: ['Execute'],
  disposable_sandbox: ['Execute'],
  forwards_data: ['Write'],
  sends_local_files: ['Write'],
  private_data: ['Read'],
  sets_spend: ['Financial'],
  sends_secrets: ['Read', 'Write', 'Execute'],
  reads_local_files: ['Read'],
};

/** True when one of the words has the same base form as the (single-word) action `text`. */
/** Every word of the name's phrase appears in the lead ("start_scan" in "Start a new vulnerability scan"). */
function restates(lead: string, name: string): boolean {
  const leadForms = new Set(lead.toLowerCase().split(/[^a-z0-9]+/).flatMap((w) => baseForms(w)));
  // A lead that quotes the name itself ("Execute get_pico_info command") restates nothing.
  if (lead.toLowerCase().includes(name.toLowerCase())) return false;
  // Split like a name, so camelCase parts count ("CreatePlan" is create + plan).
  const words = splitIdentifier(name).map((t) => t.word.toLowerCase());
  return words.length > 0 && words.every((w) => baseForms(w).some((f) => leadForms.has(f)));
}

function mentions(words: readonly string[], text: string): boolean {
  const forms = new Set(baseForms(text.toLowerCase()));
  return words.some((w) => baseForms(w).some((f) => forms.has(f)));
}

/**
 * The description outranks the name when they disagree about what happens:
 * "git_reset" that "Unstages all staged changes" unstages, "add" that "Adds
 * two numbers" computes. A lead that only says the tool returns or gets
 * something does not overrule a name that acts ("delete_user: Returns the
 * result"), and a description's own list of actions keeps its worst one.
 */
/** The description's lead action: a stated action of the first sentence, not one it lists or joins to it. */
function leadActionOf(rules: CompiledRules, evidence: readonly Evidence[]): Evidence | undefined {
  return evidence.find((e) => e.source === 'description' && e.weight >= rules.raw.weights.lead_verb && isStatedAction(e) && e.note !== NOTE_LISTED && e.note !== NOTE_THEN);
}

function descriptionOutranksName(rules: CompiledRules, evidence: Evidence[], leadOtherWords: readonly string[], name: string): void {
  const lead = leadActionOf(rules, evidence);
  if (!lead?.supports) return;
  // A name that mirrors an API route starts with the route's HTTP method
  // ("post_wallet_address": "Get member's coin deposit wallet address",
  // "post_orders": "Get member's order details"). The method says how the
  // request is sent, not what it does, so the description decides, even when
  // it only says the tool gets something.
  const httpMethod = httpMethodLeads(rules, name);
  const httpLed = httpMethod !== undefined;
  const weakRead = lead.supports === 'Read' && lead.weight < rules.raw.weights.lead_combo;
  if (lead.supports === 'Read') nameWordRetrieved(rules, evidence, lead.text, leadOtherWords);
  // A name that is one word as often a noun as a verb ("type", "trace",
  // "count") names what a reading lead returns ("Returns the type of the
  // value stored at key").
  const nameWords = splitIdentifier(name);
  const nounName = nameWords.length === 1 && rules.nounVerbs.has(nameWords[0]!.word.toLowerCase());
  // "registerBinanceGetEthStakingHistory": "Get ETH Staking History …": a
  // later action word of the name that the lead starts with says what the
  // tool does, and the name's first word is a prefix the code generator added.
  const leadFirst = lead.text.split(/\s+/)[0]!.toLowerCase();
  const laterNameAgrees = evidence.some((e) => e.source === 'name' && e.note === NOTE_NAME_LATER && e.supports === lead.supports && e.text.toLowerCase() === leadFirst);
  // DELETE is itself the action: "delete_user" deletes whether the method or
  // the verb named it, and a lead that only returns something ("Returns the
  // result") does not make it a read.
  if (weakRead && (!httpLed || httpMethod === 'Destructive') && !nounName && !laterNameAgrees) return;
  // A name with no action word that only names something looked up ("log")
  // yields to a description that acts ("Create or update today's log").
  const nameHasVerb = evidence.some((e) => e.source === 'name' && e.supports && e.note !== NOTE_READ_TAIL);
  for (const e of evidence) {
    // A verb-object pair in the name ("make_payment_txn") is as specific as the description.
    const nameCombo = e.note.startsWith('the name ') && (e.note !== NOTE_READ_TAIL || nameHasVerb);
    // ...unless the lead's own verb-object pair says the same words more
    // precisely ("start_scan": "Start a new vulnerability scan").
    const restated = nameCombo && lead.weight >= rules.raw.weights.lead_combo && restates(lead.text, e.text);
    if (e.source === 'name' && e.supports && e.supports !== lead.supports && e.weight > 0 && (!nameCombo || restated || httpLed)) {
      // "untrash_message": "Remove a message from the trash" is the undo the name says.
      if (lead.supports === 'Destructive' && rules.undoVerbs.has(e.text.toLowerCase())) continue;
      // "BinanceWalletWithdraw": "Submit a withdraw request" names the same
      // action further on, so the lead confirms the name instead of overruling it.
      // Only a more dangerous name action is kept this way: "search" in
      // "Manage Azure AI Search resources" names the product, and the lead decides.
      // (Not when the lead's own action is the name's word in a combo that says
      // more: "Transfer ownership of a Heroku application" is no money transfer.)
      const sameWord = lead.weight >= rules.raw.weights.lead_combo && mentions([lead.text.split(/\s+/)[0]!.toLowerCase()], e.text);
      if (precedenceRank(rules, e.supports) < precedenceRank(rules, lead.supports) && !sameWord && !nounName && mentions(leadOtherWords, e.text)) continue;
      e.weight = Math.round(e.weight * rules.raw.weights.overruled * 100) / 100;
      e.note += OVERRULED;
    }
  }
}

/**
 * "example_chembl_release": "Get all ChEMBL release information";
 * "tft-champion-item-build": "… for retrieving champion item build
 * information". A lead that retrieves (retrieval_verbs) and names the name's
 * action word inside what it retrieves uses that word as a noun: the release
 * or the build is what is looked up, so the word in the name is a noun too
 * and does not outrank the lead. Only single words: a verb and its object in
 * the name ("cancel_order") say more than a word the lead happens to share.
 */
function nameWordRetrieved(rules: CompiledRules, evidence: Evidence[], lead: string, leadOtherWords: readonly string[] = []): void {
  const words = lead.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length || !baseForms(words[0]!).some((f) => rules.retrievalVerbs.has(f))) return;
  const object = new Set(words.slice(1));
  // A word as often a noun ("label", "tag", "trace") anywhere in the lead's
  // sentence is the thing retrieved ("vm_label_values": "Get all unique
  // values for a specific label").
  const sentence = new Set(leadOtherWords.flatMap((w) => baseForms(w.toLowerCase())));
  for (const e of evidence) {
    if (e.source !== 'name' || !e.supports || e.supports === 'Read' || e.weight <= 0 || e.note.endsWith(OVERRULED) || !/^[A-Za-z]+$/.test(e.text)) continue;
    const word = e.text.toLowerCase();
    if (!object.has(word) && !(rules.nounVerbs.has(word) && baseForms(word).some((f) => sentence.has(f)))) continue;
    e.weight = Math.round(e.weight * rules.raw.weights.overruled * 100) / 100;
    e.note += OVERRULED;
  }
}

/** The words of the description's second sentence, where a vague lead is often made specific. */
function nextSentenceWords(rules: CompiledRules, description: string): string[] {
  const text = description.slice(0, rules.raw.limits.lead_chars * 2);
  const end = text.search(/[.!?。](\s|$)/);
  if (end < 0) return [];
  const rest = text.slice(end + 1);
  const next = rest.search(/[.!?。](\s|$)/);
  const sentence = (next < 0 ? rest : rest.slice(0, next)).trim().split('\n')[0]!.toLowerCase();
  // Parameter documentation ("Args: package_name: … the app to terminate") says what an argument is, not what the tool does.
  if (/^(?:args|arguments|parameters|params|returns?|inputs?|outputs?|examples?|usage)\b/.test(sentence)) return [];
  // "does not borrow": a negated word confirms nothing.
  return sentence.match(/[a-z]+/g)?.filter((w, k, all) => !rules.negationEn.has(all[k - 1] ?? '') && !rules.negationEn.has(all[k - 2] ?? '')) ?? [];
}

/**
 * The category of the HTTP method that writes (post_, put_, patch_, delete_)
 * a name starts with, as names generated from API routes do.
 */
function httpMethodLeads(rules: CompiledRules, name: string): Category | undefined {
  const first = splitIdentifier(name)[0]?.word;
  if (!first) return undefined;
  const method = rules.httpMethods.get(first.toUpperCase());
  return method !== undefined && method !== 'Read' ? method : undefined;
}

/** A retrieval whose object is private messages, or trades or orders the definition calls the account's own. */
function readsPrivate(p: NonNullable<CompiledRules['privateReads']>, found: StageFindings, name: string): boolean {
  const actions = [found.name.action, found.description?.action ?? ''].filter(Boolean).map((a) => a.toLowerCase());
  if (!actions.some((a) => baseForms(a).some((f) => p.verbs.has(f)))) return false;
  // What is read: the name's words and the object of the description's
  // action ("Search emails with advanced query"), not words further on
  // ("Get details of a customer by email"). A qualifier anywhere in the lead
  // still counts ("Retrieve recent console messages").
  const object = [...splitIdentifier(name).map((t) => t.word), ...(found.description?.objectWords ?? [])].map((w) => w.toLowerCase());
  const words = [...object, ...(found.description?.leadOtherWords ?? []).map((w) => w.toLowerCase())];
  if (words.some((w) => p.notWith.has(w))) return false;
  if (object.some((w) => p.words.has(w))) return true;
  // Two-word entries ("browser history") are matched as a phrase of the object.
  if (p.phrases.length) {
    const phrase = ` ${object.join(' ')} `;
    if (p.phrases.some((w) => phrase.includes(` ${w} `))) return true;
  }
  return words.some((w) => p.personal.has(w)) && words.some((w) => p.personalWords.has(w));
}

const NO_MONEY = ' (a change: nothing in the definition speaks of money)';

const NOTE_BILLABLE = ' (it creates something the provider bills for while it exists)';

/**
 * The tool creates a resource that a hosting provider bills for
 * (billable_resources): its action is a creating verb, what it creates is a
 * billable kind (the name's last word, the description's object, or a phrase of
 * the first sentence), and a provider that bills for it names the server, the
 * tool or that sentence.
 */
function createsBillable(rules: CompiledRules, input: ClassifyInput, found: StageFindings, serverWords: readonly string[]): boolean {
  const b = rules.billableResources;
  if (!b) return false;
  const actions = [found.name.action, found.description?.action ?? ''].filter(Boolean).map((a) => a.toLowerCase());
  if (!actions.some((a) => baseForms(a).some((f) => b.verbs.has(f)))) return false;
  const first = (input.description ?? '').split(/[.!?。\n]/)[0]!.toLowerCase();
  const firstWords = first.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const nameWords = splitIdentifier(input.name).map((t) => t.word.toLowerCase());
  const hostWords = [...serverWords.map((w) => w.toLowerCase()), ...nameWords, ...firstWords].join(' ').split(/[^\p{L}\p{N}]+/u);
  if (!hostWords.some((w) => b.hosts.has(w))) return false;
  // "Create a free MongoDB Atlas cluster", an Azure DevOps project: nothing is billed.
  if (hostWords.some((w) => b.notWith.has(w))) return false;
  const isHead = (w: string | undefined) => !!w && baseForms(w).some((f) => b.heads.has(f));
  // The name's own action creates its last word ("create_branch", not "create_db_user").
  if (found.name.action && baseForms(found.name.action.toLowerCase()).some((f) => b.verbs.has(f)) && nameWords.length > 1 && isHead(nameWords[nameWords.length - 1])) return true;
  // The description's object, when it ends its noun phrase ("Create a new Neon project", not "… database user").
  const objectWords = (found.description?.objectWords ?? []).map((w) => w.toLowerCase());
  const last = objectWords[objectWords.length - 1];
  const leadCreates = !!found.description?.action && baseForms(found.description.action.toLowerCase()).some((f) => b.verbs.has(f));
  if (leadCreates && isHead(last)) {
    const at = firstWords.lastIndexOf(last!);
    const next = at >= 0 ? firstWords[at + 1] : undefined;
    if (next === undefined || rules.objectBarriers.has(next)) return true;
  }
  return b.phrases.some((p) => firstWords.some((_, k) => p.every((w, m) => firstWords[k + m] === w)));
}

/** Every word of the name, the description, the parameters' names and descriptions (one object down) and the server's name. */
function speaksOfMoney(words: ReadonlySet<string>, input: ClassifyInput, serverWords: readonly string[]): boolean {
  const texts: string[] = [input.name, input.title ?? '', input.description ?? '', ...serverWords];
  const walk = (props: unknown, depth: number) => {
    if (!props || typeof props !== 'object') return;
    for (const [name, schema] of Object.entries(props as Record<string, unknown>)) {
      texts.push(name);
      if (!schema || typeof schema !== 'object') continue;
      const s = schema as { description?: unknown; properties?: unknown; items?: { properties?: unknown } };
      if (typeof s.description === 'string') texts.push(s.description);
      if (depth < 1) walk(s.properties ?? s.items?.properties, depth + 1);
    }
  };
  walk(input.inputSchema?.properties, 0);
  for (const text of texts) for (const t of splitIdentifier(text)) if (words.has(t.word.toLowerCase())) return true;
  return false;
}

/** Evidence that is one of the ambiguous money verbs on its own, not a combo that names what moves. */
function bareMoneyVerb(verbs: ReadonlySet<string>, e: Evidence): boolean {
  if (e.source !== 'name' && e.source !== 'description') return false;
  // A bare verb, or a combo built on one ("run the bridge", "batch move"):
  // with no money anywhere in the definition, its object is no money either.
  return splitIdentifier(e.text).some((t) => baseForms(t.word.toLowerCase()).some((f) => verbs.has(f)));
}

/** A read of a file's contents whose path the caller gives: a path parameter, or a description that says any or an absolute path. */
function readsFileContents(p: NonNullable<CompiledRules['localFileReads']>, found: StageFindings, input: ClassifyInput): boolean {
  const actions = [found.name.action, found.description?.action ?? ''].filter(Boolean).map((a) => a.toLowerCase());
  if (!actions.some((a) => baseForms(a).some((f) => p.verbs.has(f)))) return false;
  const description = (input.description ?? '').toLowerCase();
  if (p.notWith.some((w) => description.includes(w) || found.name.words.some((n) => n.toLowerCase() === w))) return false;
  const pathParam = found.params.evidence.some((e) => e.signals.includes('filesystem_path') && e.supports === undefined);
  return pathParam || p.phrases.some((phrase) => description.includes(phrase));
}

/** The name, or the description's first sentence, says it creates an account: verb, filler, an object ending the phrase. */
function createsAccount(p: NonNullable<CompiledRules['accountCreation']>, input: ClassifyInput): boolean {
  const lead = (input.description ?? '').split(/[.\n!?]/)[0]!.slice(0, 200);
  const phrases = [splitIdentifier(input.name).map((t) => t.word.toLowerCase()), lead.toLowerCase().split(/[^a-z]+/).filter(Boolean)];
  for (const words of phrases) {
    for (let i = 0; i < words.length; i++) {
      if (!p.verbs.has(words[i]!)) continue;
      let k = i + 1;
      while (k < words.length && p.between.has(words[k]!)) k++;
      if (k >= words.length || !p.objects.has(words[k]!)) continue;
      const next = words[k + 1];
      // The object ends the phrase, or "account" follows it ("user account"); then a preposition may go on ("to a team").
      if (next === undefined || p.then.has(next) || ['to', 'for', 'in', 'with', 'on', 'into'].includes(next)) return true;
    }
  }
  return false;
}

/** The name or the description's lead names a list or store that keeps code as an entry (classifier.yaml code_as_data). */
function storesCode(rules: CompiledRules, input: ClassifyInput): boolean {
  if (!rules.codeAsData.length) return false;
  const lead = (input.description ?? '').trim().split(/[.\n!?]/)[0]!.slice(0, rules.raw.limits.lead_chars).toLowerCase();
  const text = ` ${splitIdentifier(input.name).map((t) => t.word.toLowerCase()).join(' ')} ${lead.split(/[^a-z0-9]+/).join(' ')} `;
  return rules.codeAsData.some((p) => text.includes(` ${p} `));
}

function hasReversiblePhrase(rules: CompiledRules, description: string): boolean {
  const text = description.slice(0, rules.raw.limits.body_scan_chars).toLowerCase();
  // A whole word or phrase only: "bin" is no recycle bin inside "Binance",
  // nor "undo" inside "undone".
  const letter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !/\p{Script=Han}/u.test(c);
  for (const p of rules.reversiblePhrases) {
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) {
      if (letter(text[at - 1]) || letter(text[at + p.length])) continue;
      // "cannot be undone", "no undo" say the opposite.
      if (!negatedBefore(rules, text, at)) return true;
    }
  }
  return false;
}

/** Whether the name or description names a read-only query language: undefined if none, else whether it reads private logs. */
function readOnlyLanguage(rules: CompiledRules, input: ClassifyInput): boolean | undefined {
  if (!rules.readOnlyLanguages.size) return undefined;
  let found: boolean | undefined;
  const text = `${input.name} ${(input.description ?? '').slice(0, rules.raw.limits.lead_chars)}`;
  // Whole words as written: "LogQL" is one word, not "Log" and "QL".
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const p = rules.readOnlyLanguages.get(w);
    if (p !== undefined) found = (found ?? false) || p;
  }
  return found;
}

/**
 * A thin umbrella tool: its opening is an umbrella action ("Manage EKS
 * CloudFormation stacks", "Work with Azure Cosmos DB accounts, databases, and
 * containers"), it takes no parameters, lists no operations and says little
 * more; and what it acts on is one of the objects whose loss warrants the
 * cautious reading. Returns the opening and the object word, or undefined.
 */
function thinUmbrella(rules: CompiledRules, input: ClassifyInput, found: StageFindings, operationParams: readonly OperationParam[]): { phrase: string; object: string } | undefined {
  const u = rules.umbrellaWorstCase;
  if (!u || operationParams.length || Object.keys(input.inputSchema?.properties ?? {}).length) return undefined;
  if (found.description?.listedActions.length) return undefined;
  const description = found.description ? (input.description ?? '').trim() : '';
  if (description.length > u.maxDescriptionChars) return undefined;
  // The opening: the description's first clause, or the name's words when there is no description.
  const opening = description ? description.split(/[.:;\n(]|\s[-–—]\s/)[0]!.trim() : splitIdentifier(input.name).map((t) => t.word).join(' ');
  const words = opening.toLowerCase().match(/[\p{L}\p{N}]+|,/gu) ?? [];
  let i = 0;
  while (i < words.length && rules.leadFillers.has(words[i]!)) i++;
  const umbrella = baseForms(words[i] ?? '').some((f) => rules.umbrellaVerbs.has(f)) ? 1 : u.phrases.find((p) => p.every((w, k) => baseForms(words[i + k] ?? '').includes(w)))?.length;
  if (!umbrella) return undefined;
  // What it acts on: the head word of each thing the opening names, up to a
  // preposition ("Manage Azure Database for MySQL servers": the database;
  // "Work with … accounts, databases, and containers": all three), and the
  // name's last word. A qualifier is no object: "Manage repository
  // notification subscription" manages a subscription.
  const heads: string[] = [];
  let conjunct: string[] = [];
  const close = () => {
    if (conjunct.length) heads.push(conjunct[conjunct.length - 1]!);
    conjunct = [];
  };
  for (const w of words.slice(i + umbrella)) {
    if (w === ',' || rules.leadCoordinators.has(w)) close();
    else if (rules.objectBarriers.has(w)) break;
    else conjunct.push(w);
  }
  close();
  const last = found.name.words[found.name.words.length - 1];
  if (last) heads.push(last.toLowerCase());
  const hit = heads.find((w) => u.objects.has(w));
  return hit ? { phrase: opening, object: hit } : undefined;
}

/** The base forms of an action's first word ("Retrieves the list" -> retrieve, retrieves…). */
function leadForms(action: string): readonly string[] {
  return baseForms(action.toLowerCase().split(/\s+/)[0] ?? '');
}

/** Forgets the operation parameters that `which` picks, and the evidence they gave: they name no operation after all. */
function dropOperationParams(scan: { operationParams: OperationParam[]; evidence: Evidence[] }, which: (p: OperationParam) => boolean): void {
  const dropped = new Set(scan.operationParams.filter(which).map((p) => NOTE_SELECTABLE(p.name)));
  scan.operationParams = scan.operationParams.filter((p) => !which(p));
  scan.evidence = scan.evidence.filter((e) => !(e.source === 'parameter' && dropped.has(e.note)));
}

/**
 * True when a later action word of the name follows the name's action
 * directly (no "and" or "or" between: "create_or_update" lists two) and
 * a word that is no verb follows it: "block" of "append_block_children".
 */
function objectOfAction(rules: CompiledRules, nameWords: readonly string[], nameAction: string, e: Evidence): boolean {
  if (e.source !== 'name' || e.note !== NOTE_NAME_LATER || !nameAction) return false;
  const word = e.text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const at = nameWords.indexOf(word);
  // "create_run_close" lists three actions: a verb after it makes it one of a list.
  return at > 0 && at < nameWords.length - 1 && nameWords[at - 1] === nameAction && nameWords.indexOf(word, at + 1) < 0 && !rules.verbCategory.has(nameWords[at + 1]!);
}

/** Every operation the evidence shows, one per action and category, most dangerous first. */
function listOperations(
  rules: CompiledRules,
  category: Category,
  evidence: readonly Evidence[],
  params: readonly OperationParam[],
  listed: readonly ListedAction[],
  leadListed: readonly ListedAction[] = [],
  nameWords: readonly string[] = [],
  nameAction = '',
): Operation[] {
  const out: Operation[] = [];
  const seen = new Map<string, number>();
  // One operation per action verb: the name's "add" and the description's
  // "Add task" are the same operation, shown with the longer quote.
  const verbKey = (action: string) => {
    const first = action.trim().split(/[^\p{L}\p{N}_]+/u)[0]!.toLowerCase();
    return baseForms(first).find((f) => rules.verbCategory.has(f)) ?? first;
  };
  const push = (op: Operation) => {
    // Two enum parameters offering the same value, or a listed action and a
    // parameter value, are one operation too; the parameter's is kept, since
    // a policy can test it.
    const key = `${verbKey(op.action)}|${op.category}`;
    const at = seen.get(key);
    if (at !== undefined) {
      const had = out[at]!;
      if ((op.param && !had.param) || (!op.param && !had.param && op.action.length > had.action.length)) out[at] = op;
      return;
    }
    seen.set(key, out.length);
    out.push(op);
  };
  for (const e of evidence) {
    // A list's quote stands for its actions, which are added one by one below.
    if (!isStatedAction(e) || e.note === NOTE_LISTED) continue;
    // The lead's own list stands for its actions too ("List, create, close, or select a browser tab").
    if (e.source === 'description' && leadListed.some((a) => a.text === e.text)) {
      for (const a of leadListed) if (a.text === e.text) push({ action: a.action, category: a.category, source: 'description', text: a.text });
      continue;
    }
    // "append-block-children": a verb word right after the name's action, before a noun, is that action's object, not an operation.
    if (objectOfAction(rules, nameWords, nameAction, e)) continue;
    push({ action: e.text, category: e.supports!, source: e.source, text: e.text });
  }
  for (const a of listed) push({ action: a.action, category: a.category, source: 'description', text: a.text });
  // "truncateTarget": a switch that deletes what is there first is an operation of its own.
  for (const e of evidence) if (e.note === NOTE_DESTRUCTIVE_SWITCH && e.weight > 0) push({ action: e.text, category: e.supports!, source: 'parameter', text: `${e.text}: true` });
  for (const p of params) for (const op of p.operations) push({ action: op.action.toLowerCase() === op.value.toLowerCase() ? op.value : op.action, category: op.category, source: 'parameter', text: `${p.name}: ${op.value}`, param: p.name });
  if (!out.length) return out;
  // A reading more dangerous than the category was outweighed by the rest of
  // the definition ("发布" in 获取地图发布信息 is a release, not a publish): it is
  // no operation of the tool, and listing it would contradict the rating.
  return out.filter((op) => precedenceRank(rules, op.category) >= precedenceRank(rules, category)).sort((a, b) => precedenceRank(rules, a.category) - precedenceRank(rules, b.category) || (a.category === category ? -1 : 0));
}

function sourceOrder(s: Evidence['source']): number {
  return s === 'name' ? 0 : s === 'description' ? 1 : s === 'parameter' ? 2 : 3;
}

/** Everything the stages found in one tool definition. */
export interface StageFindings {
  name: NameFindings;
  /** Absent when the description is empty or a placeholder. */
  description?: DescriptionFindings;
  params: ParamFindings;
  annotations: Findings;
}

/**
 * The decision step: weighs the stages' evidence into scores, picks the
 * category by score and precedence, applies the operation rules (the most
 * dangerous selectable operation counts), and derives signals, severity,
 * confidence and the operations list.
 */
export function decide(rules: CompiledRules, input: ClassifyInput, found: StageFindings, serverWords: readonly string[] = []): Classification {
  const noDescription = !found.description;
  const limits = rules.raw.limits;
  const scan = {
    evidence: [...found.name.evidence, ...(found.description?.evidence ?? []), ...found.params.evidence, ...found.annotations.evidence],
    signals: new Set<RiskSignal>([...found.name.signals, ...(found.description?.signals ?? []), ...found.params.signals, ...found.annotations.signals]),
    action: found.name.action || found.description?.action || '',
    object: found.name.object,
    objectWords: found.description?.objectWords ?? [],
    signingKey: found.params.signingKey,
    operationParams: found.params.operationParams,
  };
  // "Swap a card from your deck": a money verb that is an ordinary verb too
  // moves money only where the definition speaks of money somewhere.
  // (The server's own name counts: a "Uniswap Trader" server's "Execute a swap" trades.)
  if (rules.moneyContext && !speaksOfMoney(rules.moneyContext.words, input, serverWords)) {
    for (const e of scan.evidence) if (e.supports === 'Financial' && bareMoneyVerb(rules.moneyContext.verbs, e)) (e.supports = 'Write'), (e.note += NO_MONEY);
    // A quantity is money only where money is spoken of ("Log food consumption" with a quantity).
    for (const e of scan.evidence) if (e.supports === 'Financial' && e.source === 'parameter' && e.note === NOTE_AMOUNT_PARAM) (e.supports = undefined), (e.weight = 0), (e.note += NO_MONEY);
  }
  // Beyond the lead, the description's next sentence may name the name's action ("…to apply for a loan by pledging collateral. Users specify the coin they want to borrow").
  const confirming = [...(found.description?.leadOtherWords ?? []), ...nextSentenceWords(rules, input.description ?? '')];
  descriptionOutranksName(rules, scan.evidence, confirming, input.name);
  // A route-shaped name ("delete_tags__id__removeFromProfiles") holds path
  // parts, not an object; what the description's action applies to ("Remove
  // tag from profiles") names it.
  // (Only for how sentences name it: the object kind is still read from every word.)
  const routeParts = input.name.includes('__') || scan.object.split(' ').some((w) => rules.verbCategory.has(w));
  const shownObject = httpMethodLeads(rules, input.name) && routeParts && found.description?.action && scan.objectWords.length ? scan.objectWords.join(' ') : scan.object;

  // A tool that works out what would happen ("calculate_health_factor" with
  // an action of repay or withdraw) only names scenarios with its parameter.
  // So does a scratch reasoning tool ("A tool for visual thinking" with an
  // operation of create, update or delete): it edits its own in-memory model.
  const scratch = (action: string) => leadForms(action).some((f) => rules.scratchVerbs.has(f));
  // And a tool whose name and lead both retrieve picks with it what is looked up.
  const retrieves = (action: string) => leadForms(action).some((f) => rules.retrievalVerbs.has(f));
  const lookup = retrieves(found.name.action) && retrieves(found.description?.action ?? '');
  if (lookup || rules.hypotheticalVerbs.has(found.name.action) || (!found.name.action && rules.hypotheticalVerbs.has(found.description?.action ?? '')) || scratch(found.name.action) || (!found.name.action && scratch(found.description?.action ?? ''))) {
    dropOperationParams(scan, () => true);
  }
  // A method enum of GET and POST on a tool whose lead reads says how the
  // query is sent (classifier.yaml operations.query_methods).
  const leadReads = leadForms(found.description?.action ?? '').some((f) => rules.verbCategory.get(f) === 'Read');
  const sendsQuery = (p: OperationParam) => p.operations.every((o) => rules.httpMethods.has(o.value.toUpperCase()) && (o.category === 'Read' || rules.queryMethods.has(o.value.toUpperCase())));
  if (leadReads && scan.operationParams.some(sendsQuery)) {
    dropOperationParams(scan, sendsQuery);
  }

  const scores = { Read: 0, Write: 0, Execute: 0, Financial: 0, Destructive: 0 } as Record<Category, number>;
  // An operation the description lists or joins to its lead only ever raises
  // the category (below): it does not outvote the lead's own action, so
  // "Change the status of an auto-invest plan (pause or resume)" stays the
  // Financial change its lead names.
  const leadAction = leadActionOf(rules, scan.evidence);
  const outvotesLead = (e: Evidence) => leadAction !== undefined && isExtraOperation(e) && precedenceRank(rules, e.supports!) > precedenceRank(rules, leadAction.supports!);
  for (const e of scan.evidence) if (e.supports && !outvotesLead(e)) scores[e.supports] += e.weight;

  // Highest score wins; near-ties go to the category that comes first in the
  // precedence order (Financial > Destructive > Execute > Write > Read).
  let top = 0;
  let second = 0;
  for (const c of CATEGORIES) {
    const v = scores[c];
    if (v > top) (second = top), (top = v);
    else if (v > second) second = v;
  }
  let category: Category;
  let fallback = false;
  if (top <= 0) {
    // Nothing names an action. Calling it a change would be a guess; calling
    // it a read is one too, so the page says so and asks for review.
    category = 'Read';
    fallback = true;
  } else {
    category = rules.raw.precedence.find((c) => scores[c] >= top * limits.near_tie)!;
  }
  // Execute over Write when the input is code or a query; over Read too when
  // the name or description itself says it runs it ("by executing it").
  // Not when the code is kept as an entry ("Add a command to the whitelist").
  const keepsCode = storesCode(rules, input);
  if (category === 'Write' && scan.signals.has('freeform_code') && scores.Execute > 0 && !keepsCode) category = 'Execute';
  else if (
    category === 'Read' &&
    !keepsCode &&
    scan.signals.has('freeform_code') &&
    !scan.signals.has('read_only') &&
    scores.Execute >= rules.raw.weights.param &&
    scan.evidence.some((e) => e.supports === 'Execute' && e.source !== 'parameter' && e.weight > 0)
  )
    category = 'Execute';
  // Financial over Write when the tool is handed a private key: a change made
  // with the caller's key is a signed transaction ("cast_vote", "register_ens_name").
  else if (category === 'Write' && scan.signingKey) category = 'Financial';
  // So is a change that sets a budget, a bid or a spend cap ("update_campaign"
  // with daily_budget): a wrong value spends real money.
  else if (category === 'Write' && found.params.setsSpend) category = 'Financial';
  // And Execute over Write when a parameter picks the container image a change
  // starts ("containerImage"): whatever the image holds runs.
  else if (category === 'Write' && found.params.startsImage) category = 'Execute';
  // A tool is as dangerous as the worst operation a caller can select.
  // A parameter documented only in prose ("method: HTTP method (GET, …)")
  // of a tool that otherwise reads names what is looked up, not an operation
  // ("get_api_endpoint_details").
  if (category === 'Read' && scan.operationParams.some((p) => p.documented)) {
    dropOperationParams(scan, (p) => p.documented === true);
  }
  for (const p of scan.operationParams) for (const op of p.operations) if (precedenceRank(rules, op.category) < precedenceRank(rules, category)) category = op.category;
  // So is the worst action the description lists or joins to its lead, or a
  // file it saves. Not past Execute: what code or a query can do is its input's
  // business ("Supports INSERT, UPDATE and DELETE" still runs SQL).
  if (category !== 'Execute') for (const e of scan.evidence) if (isExtraOperation(e) && precedenceRank(rules, e.supports!) < precedenceRank(rules, category)) category = e.supports!;
  // "Create a new Neon project", "Create and list Azure Redis resources": what
  // a hosting provider bills for while it exists is a billing commitment. The
  // creating action becomes that commitment.
  if (category === 'Write' && createsBillable(rules, input, found, serverWords)) {
    category = 'Financial';
    scan.signals.add('billable_resource');
    for (const e of scan.evidence) {
      if (e.supports !== 'Write' || (e.source !== 'name' && e.source !== 'description') || !isStatedAction(e) || isExtraOperation(e)) continue;
      if (!leadForms(e.text.trim()).some((f) => rules.billableResources!.verbs.has(f))) continue;
      e.supports = 'Financial';
      e.signals = [...e.signals, 'billable_resource'];
      e.note += NOTE_BILLABLE;
    }
  }
  // "Manage EKS CloudFormation stacks", with no parameters and no list of
  // operations: nothing says what it does to the stacks, and a security
  // engineer holds such a tool for approval rather than allow it, so it is read
  // as covering the worst it plausibly does (umbrella_worst_case), at low
  // confidence and marked for review. (Only over a read or a change: a tool
  // already rated higher names a dangerous action of its own.)
  let guessed = false;
  const worstCase = rules.umbrellaWorstCase && (category === 'Read' || category === 'Write') ? thinUmbrella(rules, input, found, scan.operationParams) : undefined;
  if (worstCase) {
    category = rules.umbrellaWorstCase!.category;
    scan.evidence.push({ source: found.description ? 'description' : 'name', text: worstCase.phrase, supports: category, signals: [], weight: 0, note: NOTE_WORST_CASE });
    // The umbrella is an action we know: the category is a reading, not a guess at Read.
    guessed = fallback;
    fallback = false;
  }

  // "Executes LogsQL query expression to search log entries": a language that
  // can only read runs no change, so the tool reads (and a log query reads
  // what the logs hold).
  const language = readOnlyLanguage(rules, input);
  if (language !== undefined && (category === 'Execute' || category === 'Read') && !scan.operationParams.some((p) => p.operations.some((o) => o.category !== 'Read'))) {
    // The caller still writes the query: what comes back is its input's business.
    if (scan.evidence.some((e) => e.signals.includes('freeform_code'))) scan.signals.add('freeform_code');
    category = 'Read';
    scan.signals.add('read_only');
    if (language) scan.signals.add('private_data');
  }
  for (const e of scan.evidence) for (const s of e.signals) if (e.supports === undefined || e.supports === category) scan.signals.add(s);
  if (category === 'Destructive') scan.signals.add('irreversible');
  if (category === 'Financial') scan.signals.add('moves_money');

  // What the action applies to, and what losing it costs (objects.yaml).
  const nameObject = scan.object.split(' ').filter(Boolean);
  const place = [...found.name.words, ...scan.objectWords, ...(found.description?.leadOtherWords ?? [])].map((w) => w.toLowerCase());
  const objectKind = objectKindOf(rules, [...nameObject, ...scan.objectWords], objectContext(rules, input, serverWords, place), place);
  if (objectKind) {
    if (objectKind.loss === 'high') scan.signals.add('high_loss_object');
    if (objectKind.undo === 'recreate' || objectKind.loss === 'low') scan.signals.add('recreatable');
    if (objectKind.undo === 'trash') scan.signals.add('reversible');
    // Dismissing, marking or filing a message the user received reaches
    // nobody (the kind's private_actions); sending, editing or replying does.
    const privateActions = rules.privateActionsByKind.get(objectKind.id);
    const privateAct = !!privateActions && !!scan.action && baseForms(scan.action.toLowerCase()).some((f) => privateActions.has(f));
    if ((objectKind.audience === 'public' || objectKind.audience === 'customers') && !privateAct) scan.signals.add('public_audience');
  }
  if (category === 'Destructive' && !noDescription && hasReversiblePhrase(rules, input.description ?? '')) scan.signals.add('reversible');
  if (scan.signals.has('external_messaging')) scan.signals.add('public_audience');
  // "create_user", "Create a new user account": a new account grants someone access.
  if (category === 'Write' && rules.accountCreation && createsAccount(rules.accountCreation, input)) scan.signals.add('admin_scope');
  // "上传文件到静态网站托管" (upload files to static website hosting): what lands there is public at once.
  if (!noDescription && rules.publicPlaces.length) {
    const description = (input.description ?? '').slice(0, limits.body_scan_chars).toLowerCase();
    if (rules.publicPlaces.some((p) => description.includes(p))) scan.signals.add('public_audience');
  }
  // A read that takes any URL makes the server fetch it: internal addresses
  // and whatever the page says both reach the agent.
  if (category === 'Read' && scan.signals.has('open_world') && scan.evidence.some((e) => e.source === 'parameter' && e.signals.includes('open_world'))) scan.signals.add('server_side_fetch');

  // "Upload a document" with a file_path: whatever local file the path names
  // leaves the machine, so an injected path can carry keys or secrets out.
  const outbound = [found.name.action, found.description?.action ?? ''].some((a) => a && baseForms(a.toLowerCase()).some((f) => rules.outboundVerbs.has(f)));
  if (category === 'Write' && outbound && scan.evidence.some((e) => e.source === 'parameter' && e.supports === undefined && e.signals.includes('filesystem_path'))) scan.signals.add('sends_local_files');
  // "Retrieve all messages from a specific chat", "Fetch personal trade
  // history": what it hands back is other people's words or the account's own
  // trading, not public data ("console messages", "chat completions" are not).
  if (category === 'Read' && rules.privateReads && readsPrivate(rules.privateReads, found, input.name)) scan.signals.add('private_data');
  // "Scans an entire table": every row of a database table comes back.
  if (category === 'Read' && rules.privateReads && objectKind?.id === 'database' && scan.signals.has('bulk_scope') && [found.name.action, found.description?.action ?? ''].some((a) => a && baseForms(a.toLowerCase()).some((f) => rules.privateReads!.wholeStoreVerbs.has(f)))) scan.signals.add('private_data');
  // "Read full file content … Provide absolute paths only (~ allowed)": a read
  // of whatever local file a path names reaches ~/.ssh and .env as easily as
  // the file meant. Not in a sandbox or simulator (the object is scratch there).
  if (category === 'Read' && rules.localFileReads && objectKind?.id === 'file' && /^files?$/i.test(objectKind.word) && readsFileContents(rules.localFileReads, found, input)) scan.signals.add('reads_local_files');
  // "List all available plugins" under the name run_plugin: the "all" of a
  // reading lead says how much is listed, not how much the name's action
  // reaches.
  if (category !== 'Read' && leadAction?.supports === 'Read' && !scan.evidence.some((e) => e.source !== 'description' && e.signals.includes('bulk_scope'))) scan.signals.delete('bulk_scope');
  // No action word we know anywhere: the category is a guess, and the policy must not trust it.
  if (fallback) scan.signals.add('unknown_action');
  const signals = [...scan.signals].filter((s) => {
    const scope = SIGNAL_SCOPE[s];
    return !scope || scope.includes(category);
  });
  signals.sort();

  const margin = top > 0 ? (top - second) / top : 0;
  const strength = Math.min(top, limits.full_strength) / limits.full_strength;
  let confidence = fallback ? 0.2 : Math.round((0.5 * margin + 0.5 * strength) * 100) / 100;
  if (noDescription && !fallback) confidence = Math.min(confidence, 0.5);
  if (worstCase) confidence = guessed ? rules.umbrellaWorstCase!.confidence : Math.min(confidence, rules.umbrellaWorstCase!.confidence);

  const severity = applySeverity(rules.severity, category, signals);

  // Keep evidence that supports the decision or explains a kept signal, strongest first.
  const evidence = scan.evidence
    .filter((e) => e.supports === category || (e.supports === undefined && e.signals.some((s) => signals.includes(s))) || (e.weight === 0 && e.signals.some((s) => signals.includes(s))))
    .sort((a, b) => b.weight - a.weight || sourceOrder(a.source) - sourceOrder(b.source));

  const operations = listOperations(rules, category, scan.evidence, scan.operationParams, found.description?.listedActions ?? [], found.description?.leadListedActions ?? [], splitIdentifier(input.name).map((t) => t.word.toLowerCase()), found.name.action);
  let needsReview: string | undefined;
  if (worstCase) needsReview = `an umbrella action over ${worstCase.object} with no parameters and no list of operations: read as its worst plausible operation`;
  else if (fallback) needsReview = noDescription ? 'no description and no action word we know in the name' : 'no action word we know in the name or the description';
  else if (confidence < limits.review_below) needsReview = 'the evidence points more than one way';
  else if (noDescription) needsReview = 'judged from the name alone: the description is empty or a placeholder';

  return {
    category,
    severity: severity.severity,
    baseSeverity: severity.base,
    severitySteps: severity.steps,
    confidence,
    signals,
    evidence,
    scores,
    object: shownObject,
    leadObject: scan.objectWords.join(' '),
    nameWords: found.name.words,
    action: scan.action,
    fallback,
    operations,
    operationParams: scan.operationParams,
    ...(objectKind ? { objectKind } : {}),
    ...(needsReview ? { needsReview } : {}),
    ...(worstCase ? { worstCase } : {}),
    noDescription,
  };
}
