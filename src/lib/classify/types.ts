import type { Category, RiskSignal, Severity } from '../../schemas/rules.ts';
import type { ToolAnnotations } from '../../schemas/mcp-tool.ts';

/** What the classifier reads: a tool definition as the server lists it. */
export interface ClassifyInput {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: { properties?: Record<string, unknown>; required?: string[] } | null;
  annotations?: ToolAnnotations;
}

/** What the classifier knows about the server the tool belongs to. */
export interface ServerContext {
  /** Display name used in sentences ("Binance"). */
  title: string;
  /** Leading name words shared by the server's tools (binance, sperax…), ignored as actions. */
  prefixWords: ReadonlySet<string>;
}

export type EvidenceSource = 'name' | 'description' | 'parameter' | 'annotation';

export interface Evidence {
  source: EvidenceSource;
  /** The exact text from the tool's definition. */
  text: string;
  /** English gloss where the text is not English. */
  gloss?: string;
  /** The category this piece of evidence points to, if any. */
  supports?: Category;
  signals: RiskSignal[];
  weight: number;
  /** Why it counts, in a few words ("first verb of the name"). */
  note: string;
}

/** One thing the tool can be asked to do, with where we found it. */
export interface Operation {
  /** The action word ("delete", "DELETE", "撤单"). */
  action: string;
  category: Category;
  source: EvidenceSource;
  /** The exact text it was read from (a name part, a quote, "method: delete"). */
  text: string;
  /** The parameter whose value selects it, for operations picked by an argument. */
  param?: string;
}

/** What the tool acts on, from catalogue/rules/objects.yaml. */
export interface ObjectInfo {
  id: string;
  word: string;
  phrase: string;
  loss: 'low' | 'medium' | 'high';
  undo: 'none' | 'trash' | 'recreate';
  audience: 'user' | 'team' | 'customers' | 'public';
}

export interface SeverityStep {
  id: string;
  step: number;
  because: string;
}

export interface Classification {
  category: Category;
  severity: Severity;
  baseSeverity: Severity;
  severitySteps: SeverityStep[];
  confidence: number;
  signals: RiskSignal[];
  /** Evidence that decided the category or raised a signal, strongest first. */
  evidence: Evidence[];
  scores: Record<Category, number>;
  /** The object of the action, from the name ("all orders"), for sentences. */
  object: string;
  /** What the description's first action applies to ("biomedical literature"), lower-cased words. */
  leadObject: string;
  /** The name's words after the server prefix and stopwords (rationales read them verb first). */
  nameWords: string[];
  /** The action word, from the name or the description ("cancel"). */
  action: string;
  fallback: boolean;
  /** Every operation found, most dangerous first. */
  operations: Operation[];
  /** Parameters whose values select an operation (for argument-conditioned policies). */
  operationParams: import('./operations.ts').OperationParam[];
  objectKind?: ObjectInfo;
  /** Set when the evidence is too thin to act on without a person looking. */
  needsReview?: string;
  /** A thin umbrella tool read as its worst plausible operation (umbrella_worst_case): its opening and the object word. */
  worstCase?: { phrase: string; object: string };
  /** The description was empty or a scrape placeholder. */
  noDescription: boolean;
}
