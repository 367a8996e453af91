/**
 * The evidence every classifier stage produces, and the predicates that read
 * it: which pieces state an action, which come from an operation-selecting
 * parameter. Stages (name, description, parameters, annotations) each return
 * their own findings; decide.ts weighs them.
 */
import type { RiskSignal } from '../../schemas/rules.ts';
import type { ListedAction } from './action-lists.ts';
import type { OperationParam } from './operations.ts';
import type { Evidence } from './types.ts';

/** Evidence notes that say a piece is not a stated action (see isStatedAction). */
export const NOTE_READ_TAIL = 'the name ends in something you look up';
/** An action word of the name after its first one ("block" of "append_block_children"). */
export const NOTE_NAME_LATER = 'a later action word in the name';
export const NOTE_BODY_PHRASE = 'a phrase in the description';
export const NOTE_BODY_ZH = 'a phrase further down the description';
/** The worst of a list of actions the description gives; its actions are listed one by one. */
export const NOTE_LISTED = 'the worst of the actions the description lists';
export const NOTE_THEN = 'a further action the description joins to the first';
export const NOTE_WRITES_FILE = 'a parameter that says where to save the result, so it writes a file';
export const NOTE_RUNS_IMAGE = 'a parameter that picks the container image to start, whose contents then run';
export const NOTE_SAVES_FILE = 'the description says it saves a file';
export const NOTE_WORST_CASE = 'an umbrella action with no parameters and no list of operations, over something whose loss is high: read as its worst plausible operation';
/** A lone amount or quantity parameter: money only where the definition speaks of money. */
export const NOTE_AMOUNT_PARAM = 'an amount or quantity parameter';
export const NOTE_DESTRUCTIVE_SWITCH = 'a switch that deletes or overwrites existing data before the call does its work';
/** A lead whose move takes its object to the trash (classifier.yaml trash_moves). */
export const NOTE_TRASH_MOVE = 'the description moves it to the trash, a deletion with a way back';
/** The read action that ends an API route sent with POST ("API-post-database-query"). */
export const NOTE_ROUTE_READ = 'the action that ends an API route whose method only sends the request';

/**
 * Operations stated outside the lead and the name: a list of actions, an
 * action joined to the lead, a file the tool saves, a switch that truncates
 * or drops what is there first. Like an operation
 * parameter's values, the worst of them sets the category.
 */
export function isExtraOperation(e: Evidence): boolean {
  return e.weight > 0 && !!e.supports && (e.note === NOTE_LISTED || e.note === NOTE_THEN || e.note === NOTE_WRITES_FILE || e.note === NOTE_SAVES_FILE || e.note === NOTE_DESTRUCTIVE_SWITCH);
}
export const OVERRULED = ' (the description says otherwise)';
export const NOTE_SELECTABLE = (param: string) => `the most dangerous operation its “${param}” parameter can select`;

/** What one stage found in a tool definition: evidence, and the signals it raised. */
export interface Findings {
  evidence: Evidence[];
  signals: Set<RiskSignal>;
}

/** The name's stage also says which action and object the name states. */
export interface NameFindings extends Findings {
  action: string;
  object: string;
  /** The name's words after the server prefix and stopwords, in order. */
  words: string[];
}

/** The description's stage says the lead's action and the words naming what it acts on. */
export interface DescriptionFindings extends Findings {
  action: string;
  objectWords: string[];
  /** Actions the description lists ("create, modify, delete"), one by one. */
  listedActions: ListedAction[];
  /** The actions of the lead's own list ("List, create, close, or select a browser tab"), each an operation; their quote is the lead's evidence. */
  leadListedActions: ListedAction[];
  /** Words of the lead other than its own action: a name verb found here is confirmed, not overruled ("Submit a withdraw request"). */
  leadOtherWords: string[];
}

/** The parameters' stage says whether a signing key is taken and which parameters select an operation. */
export interface ParamFindings extends Findings {
  signingKey: boolean;
  /** A parameter sets how much money the call commits (a budget, a bid, a spend cap). */
  setsSpend: boolean;
  /** A parameter picks the container image a change starts. */
  startsImage: boolean;
  operationParams: OperationParam[];
}

export function noFindings(): Findings {
  return { evidence: [], signals: new Set() };
}

export function addSignalEvidence(scan: Findings, source: Evidence['source'], text: string, signal: RiskSignal, note: string, gloss?: string): void {
  scan.signals.add(signal);
  if (scan.evidence.some((e) => e.source === source && e.text === text && e.signals.includes(signal))) return;
  scan.evidence.push({ source, text, ...(gloss ? { gloss } : {}), signals: [signal], weight: 0, note });
}

/**
 * Evidence where the name or the description's lead states an action (a verb,
 * or a verb with its object): not a read noun at the end of a name, not a
 * phrase further down the description, not a name verb the description
 * overruled. Only these are quoted as "says" and listed as operations.
 */
export function isStatedAction(e: Evidence): boolean {
  return (
    e.weight > 0 &&
    !!e.supports &&
    (e.source === 'name' || e.source === 'description') &&
    e.note !== NOTE_READ_TAIL &&
    e.note !== NOTE_BODY_PHRASE &&
    e.note !== NOTE_BODY_ZH &&
    !e.note.endsWith(OVERRULED)
  );
}

/** Evidence for the most dangerous value of an operation-selecting parameter. */
export function isSelectableOperation(e: Evidence): boolean {
  return e.source === 'parameter' && e.note.endsWith('parameter can select');
}
