/**
 * Schemas for the reviewer-editable rule files in catalogue/rules/. A typo in
 * a rule file fails the build with the file and the path of the bad entry.
 */
import { z } from 'zod';

import { CATEGORIES, CATEGORY_PRECEDENCE, SEVERITIES, type Category, type Severity } from './levels.ts';

export { CATEGORIES, CATEGORY_PRECEDENCE, SEVERITIES, SEVERITY_RANK, type Category, type Severity } from './levels.ts';
export const categorySchema = z.enum(CATEGORIES);
export const severitySchema = z.enum(SEVERITIES);

/** Risk signals the classifier can raise. Labels are what pages show. */
export const RISK_SIGNALS = {
  bulk_scope: 'Bulk or all-scope',
  irreversible: 'Irreversible',
  moves_money: 'Moves money',
  leverage: 'Leverage or margin',
  signs_transactions: 'Signs transactions',
  freeform_code: 'Free-form code or query input',
  filesystem_path: 'Filesystem path',
  credentials: 'Credentials or secrets',
  key_material: 'Private keys or seed phrases',
  external_messaging: 'External messaging',
  admin_scope: 'Admin scope',
  high_param_count: 'High parameter count',
  open_world: 'Reaches outside systems',
  read_only: 'Described as read-only',
  recreatable: 'Easy to recreate',
  needs_credentials: 'Takes a credential as input',
  reversible: 'The server keeps a way back',
  high_loss_object: 'Acts on something costly to lose',
  public_audience: 'Reaches customers or the public',
  server_side_fetch: 'Fetches any URL from the server',
  steers_agent: 'Definition steers the agent',
  host_shell: 'Runs shell commands on the host',
  sandboxed: 'Runs in a sandbox or container',
  disposable_sandbox: 'Runs in a throwaway sandbox',
  forwards_data: 'Sets up a standing forward to an outside address',
  sends_local_files: 'Sends any local file it is pointed at',
  private_data: 'Reveals private messages, records or personal trades',
  sets_spend: 'Sets a budget, bid or spend cap',
  billable_resource: 'Creates something the provider bills for while it exists',
  unsigned_transaction: 'Builds a transaction that is not signed or sent yet',
  bills_customer: 'Asks someone else to pay; nothing moves until they do',
  sends_secrets: 'Puts stored secrets into a request the caller aims',
  reads_local_files: 'Reads any local file it is pointed at',
  unknown_action: 'What it does is unclear from its definition',
} as const;
export type RiskSignal = keyof typeof RISK_SIGNALS;
const riskSignalSchema = z.enum(Object.keys(RISK_SIGNALS) as [RiskSignal, ...RiskSignal[]]);

const words = z.array(z.string().min(1));

export const classifierRulesSchema = z.object({
  /**
   * The categories from most to least dangerous. It must be
   * CATEGORY_PRECEDENCE: the policy builder groups tools in that order in the
   * browser, where the YAML is not read.
   */
  precedence: z
    .array(categorySchema)
    .length(5)
    .refine((p) => p.join() === CATEGORY_PRECEDENCE.join(), { message: `must be ${CATEGORY_PRECEDENCE.join(', ')} (CATEGORY_PRECEDENCE in src/schemas/rules.ts)` }),
  /** How much each kind of evidence counts towards its category's score. */
  weights: z.object({
    name_combo: z.number().describe('a verb and its object in the name ("cancel_all_orders")'),
    name_first_verb: z.number().describe('the first action word of the name'),
    name_verb: z.number().describe('a later action word of the name'),
    name_verb_as_noun: z.number().describe('an action word inside a name that ends in something looked up ("withdraw_history")'),
    name_read_tail: z.number().describe('a name that ends in something looked up ("…_history", "…Info")'),
    lead_combo: z.number().describe('a verb and its object in the first sentence of the description'),
    lead_verb: z.number().describe('the first action word of the description'),
    lead_zh: z.number().describe('a Chinese or Japanese action phrase in the first line of the description'),
    name_umbrella_verb: z.number().describe('"manage_…" or "handle_…", which leave the action to the description'),
    body_phrase: z.number().describe('a telling phrase further down the description'),
    body_cap: z.number().describe('at most this much per category from phrases further down'),
    param: z.number().describe('a telling parameter name (code, a private key, an amount)'),
    annotation: z.number().describe("the server's own MCP annotations, which are hints, never proof"),
    overruled: z.number().min(0).max(1).default(0.4).describe("the share of its weight a name action keeps when the description's lead overrules it"),
  }),
  noun_phrases: words,
  compound_nouns: words,
  other_senses: words.default([]).describe("two-word nouns whose last word is a combo's object in another sense ('sort order' is an ordering, not a market order)"),
  stopwords: words,
  lead_fillers: words,
  read_tails: words,
  verbs: z.object({ Read: words, Write: words, Execute: words, Financial: words, Destructive: words }),
  combo_window: z.number().int().min(1).max(6).describe('words between a verb and its object in a name'),
  lead_combo_window: z.number().int().min(1).max(8).describe('words between a verb and its object in the description'),
  noun_verbs: words,
  /**
   * Action words the verb lexicon knows that WordNet does not list as verbs,
   * grouped by why they are actions anyway. Only the lexicon test reads it.
   */
  non_wordnet_actions: z.record(z.string(), words).default({}),
  umbrella_verbs: words,
  lead_coordinators: words,
  object_barriers: words,
  combos: z.array(
    z.object({
      verbs: words,
      objects: words,
      /** Overrides combo_window for this combo (never widens it). */
      window: z.number().int().min(1).max(8).optional(),
      /** The object must end its clause (or the name): "a new wallet with a random key", not "new wallet groups". */
      head: z.boolean().optional(),
      category: categorySchema,
      signals: z.array(riskSignalSchema).optional(),
      label: z.string(),
    }),
  ),
  zh: z.array(
    z.object({
      phrase: z.string().min(1),
      gloss: z.string().min(1),
      category: categorySchema,
      signals: z.array(riskSignalSchema).optional(),
      /** Objects after which the phrase means something milder ("クリックを実行": performs a click, runs nothing). */
      not_after: z.array(z.string().min(1)).optional(),
    }),
  ),
  body_phrases: z.array(
    z.object({ phrase: z.string().min(1), category: categorySchema.optional(), signals: z.array(riskSignalSchema).optional() }),
  ),
  params: z.object({
    freeform_code: words,
    filesystem_path: words,
    credentials: words,
    signing_key: words,
    amount: words,
    recipient: words,
    leverage: words,
    bulk: words,
    open_world: words,
    messaging: words,
    /** A free HTTP method parameter ("method" with no enum): with a `request_path` one, the caller composes any request. */
    request_method: words.default([]),
    /** Where such a request goes ("path", "endpoint", "url"). */
    request_path: words.default([]),
    /** Where the tool saves its result ("output_path"): a tool that takes one writes a file. */
    output_path: words.default([]),
    /** How much the call may spend ("daily_budget", "bid_amount", "spend_cap"): a change to one is a spending commitment. */
    spend: words.default([]),
    /** freeform_code names that are as often something else ("code" of a stock): code only with a hint. */
    ambiguous_code: words.default([]),
    /**
     * Last words of a longer parameter name that make it take code like the
     * freeform_code names ("testScript", "init_sql", "userJavascript"), when
     * one of `code_tail_runs` in the parameter's description, the tool's first
     * sentence or another parameter ("runImmediately") says the code is run;
     * an ambiguous_code word still needs a hint too.
     */
    code_tails: words.default([]),
    code_tail_runs: words.default([]),
    /**
     * Names of a parameter that picks the container image a change starts
     * ("containerImage: Optional container image to use"): whatever the image
     * holds runs, so the change is Execute. Only when `image_hints` appear in
     * its description or the tool's first sentence ("image" of a picture is no
     * container).
     */
    container_image: words.default([]),
    image_hints: words.default([]),
    /** Words in a parameter's description that say it takes code. */
    code_hints: words.default([]),
    /**
     * freeform_code names that are as often search words ("query", "statement"):
     * code only when `query_hints` (SQL and its engines) appear in their own
     * description, or in the tool's when they have none. The broader
     * code_hints do not count: "The search query for Python documentation".
     */
    query_code: words.default([]),
    query_hints: words.default([]),
    /** Credential or signing-key names that are as often something else ("seed" of a random generator): a secret only with a hint. */
    ambiguous_secret: words.default([]),
    /** Words in a parameter's (or else the tool's) description that say an ambiguous name takes a secret. */
    secret_hints: words.default([]),
  }),
  glosses: z.record(z.string(), z.string()),
  bulk_words: words,
  admin_words: words,
  recreatable_words: words,
  secret_words: words,
  key_material_words: words,
  /**
   * Operations a tool exposes besides the one its name says: enum parameters
   * whose values pick what the call does ("action": create/update/delete).
   */
  operations: z
    .object({
      /** Parameter names (normalised: lower case, letters and digits only) whose enum values select an operation. */
      params: words,
      /** HTTP method values and the category each stands for. */
      http_methods: z.record(z.string(), categorySchema),
      /**
       * Methods a read sends its query with (POST to a search API): on a tool
       * whose lead reads, a method enum that adds only these to the read
       * methods says how the request is sent, not an operation.
       */
      query_methods: words.default([]),
      /** Weight of the most dangerous selectable operation in the scores. */
      weight: z.number().default(4).describe('the most dangerous value of a parameter that picks the operation'),
    })
    .default({ params: [], http_methods: {}, query_methods: [], weight: 4 }),
  /** Words that negate the action right after them ("does not delete", "不删除"). */
  negation: z
    .object({
      en: words.default([]),
      zh: words.default([]),
      /** How many words before an English action may negate it. */
      window: z.number().int().min(1).max(6).default(3).describe('words before an action that a "not" or "never" may stand'),
    })
    .default({ en: [], zh: [], window: 3 }),
  /**
   * Lists of actions anywhere in the description ("Manages GameObjects:
   * create, modify, delete"; operation ("add", "remove", "list")): each listed
   * action is an operation the tool exposes, and the worst one counts.
   */
  action_lists: z
    .object({
      /** Marks right before a list that say it enumerates the tool's operations. */
      intro_marks: words.default([]),
      /** Words right before a list that say the same ("supports create, update"). */
      intro_words: words.default([]),
      /** Separators allowed between listed actions besides lead_coordinators (quotes around enum-like values). */
      quotes: words.default([]),
      /** A run of at least this many actions counts even without an introducing mark. */
      min_unintroduced: z.number().int().min(2).default(3).describe('actions in a row that count as a list even when nothing introduces it'),
      /** Weight of the worst listed action in the scores. */
      weight: z.number().default(4).describe('the worst action of a list in the description'),
      /** Words that stand for a list of actions ("CRUD operations": create, read, update, delete). */
      abbreviations: z.record(z.string(), z.array(z.string()).min(2)).default({}).describe('a word that names several actions at once'),
    })
    .default({ intro_marks: [], intro_words: [], quotes: [], min_unintroduced: 3, weight: 4, abbreviations: {} }),
  /**
   * Words joining a further action to the lead ("Analyse the items and
   * transfer USDC"): the action after one of these counts like the lead's own.
   */
  then_words: words.default([]),
  /** Verbs of tools that work out what would happen; their operation parameters name scenarios. */
  hypothetical_verbs: words.default([]),
  /**
   * Verbs of scratch reasoning tools ("A tool for visual thinking"): their
   * operation parameters (create, update, delete a diagram element) edit the
   * tool's own in-memory model, which nothing outside the call keeps.
   */
  scratch_verbs: words.default([]),
  /**
   * Retrieval verbs: when both the name's action and the description lead's
   * are one of these ("get_templates_for_task": "Get recommended templates"),
   * an operation parameter's values name what is looked up, not operations.
   * A lead that starts with one and names the name's action word in what it
   * retrieves ("Get all ChEMBL release information") makes that word a noun.
   */
  retrieval_verbs: words.default([]),
  /**
   * Reads that reveal people's private messages or the account's own trades:
   * a retrieval verb, a word in `words` (or a `personal` marker with a word in
   * `personal_words`), and none of `not_with` (console messages, chat completions).
   */
  private_reads: z
    .object({
      verbs: words,
      words: words,
      personal: words.default([]),
      personal_words: words.default([]),
      not_with: words.default([]),
      whole_store_verbs: words.default([]),
      /**
       * What the rationale says a private read hands back: the first entry one
       * of whose words is in the tool's name or the start of its description
       * ("an inbox" → the user's own mail); `otherwise` when none is.
       */
      says: z.array(z.object({ words: words, says: z.string().min(1) })).default([]),
      otherwise: z.string().min(1).default('private records'),
    })
    .optional(),
  /**
   * A description that says the tool saves its result to a file: a verb (or
   * a participle after is/are/be) then to/into/as/in and a place within a few
   * words ("saves the answer to a file"), or a phrase of another script (保存为).
   */
  saves_file: z
    .object({ verbs: words, participles: words.default([]), places: words, phrases: words.default([]), not_with: words.default([]) })
    .optional(),
  /** Verbs that carry something out of the machine (upload, attach, send): with a file path input, any local file can go. */
  outbound_verbs: words.default([]),
  /**
   * Money verbs that are ordinary verbs too ("swap a card", "withdraw items
   * from a chest", "tip"): alone, with no word of `words` anywhere in the
   * definition, they act as a Write, not a money movement.
   */
  money_context: z.object({ verbs: words, words: words }).optional(),
  /**
   * Reads of a file's contents (a verb of `verbs`, a file object) whose path
   * the caller gives (a path parameter, or one of `phrases` in the
   * description), unless one of `not_with` says the files are confined.
   */
  /**
   * Places whose content the public sees at once (static website hosting):
   * a change whose description names one reaches the public (matched as
   * lower-cased substrings, so phrases of any script work).
   */
  public_places: words.default([]),
  /**
   * Places where code or a command is kept as an entry, not run: a tool whose
   * name or lead names one ("Add a command to the whitelist", "Create a new
   * saved query") stores what its code parameter holds.
   */
  code_as_data: words.default([]),
  /**
   * Name verbs that undo a removal (untrash, undelete): a lead that says
   * "Remove a message from the trash" describes that undo, so it does not
   * overrule the name.
   */
  undo_verbs: words.default([]),
  /** Creating a user account grants access: verb, optional filler, object that ends the phrase. */
  account_creation: z.object({ verbs: words, between: words.default([]), objects: words, then: words.default([]) }).optional(),
  local_file_reads: z.object({ verbs: words, phrases: words.default([]), not_with: words.default([]) }).optional(),
  /**
   * A thin umbrella tool ("Manage EKS CloudFormation stacks", no parameters,
   * no operation list) over an object whose loss is high is read as covering
   * that object's worst plausible operation, `category`, with at most
   * `confidence` and a needs-review mark. `phrases`: lead openings that name no
   * action of their own, besides `umbrella_verbs` ("work with"); `objects`:
   * the object words that warrant the cautious reading; `max_description_chars`:
   * a longer description is no thin one.
   */
  umbrella_worst_case: z
    .object({
      phrases: words.default([]),
      objects: words,
      category: z.enum(CATEGORIES).default('Destructive'),
      confidence: z.number().min(0).max(1).default(0.3),
      max_description_chars: z.number().int().min(1).default(120),
    })
    .optional(),
  /**
   * Creating a resource a hosting provider bills for while it exists (a Neon
   * project or branch, an Azure Redis cache, a cloud VM) is a billing
   * commitment, so Financial. One of `verbs` is the tool's action; the head
   * of what it creates (the last word of the name, or of the description's
   * object) is one of `objects`, or one of the multi-word `objects` stands in
   * the description's first sentence; and one of `hosts` names the server,
   * the tool or its first sentence.
   */
  billable_resources: z
    .object({
      verbs: words,
      objects: words,
      hosts: words,
      /** Words that say nothing is billed ("a free cluster", an Azure DevOps project). */
      not_with: words.default([]),
    })
    .optional(),
  /**
   * Query languages that can only read (LogsQL, PromQL, JSONPath): a tool
   * that runs one reads, whatever its verb says ("Executes LogsQL query"), and
   * one over logs (`private`) reads the private records the logs hold.
   */
  read_only_languages: z.array(z.object({ words: words, private: z.boolean().default(false) })).default([]),
  /**
   * Boolean parameters that add a destructive step to the call: one whose
   * name starts with one of `verbs` ("truncateTarget", "dropTarget",
   * "delete_local_data") truncates, drops or deletes what exists before the
   * operation. None counts when a word of `not_with` is in its name
   * ("delete_protection").
   */
  destructive_switches: z
    .object({
      verbs: words.default([]),
      not_with: words.default([]),
      /** Switches destructive only on some actions: `force` on a push replaces the remote's history. */
      in_context: z.array(z.object({ switches: words, actions: words, says: z.string().min(1).describe('what the switch does, after "its force switch"') })).default([]),
    })
    .default({ verbs: [], not_with: [], in_context: [] }),
  /**
   * Read actions that end an API route sent with one of operations.query_methods
   * ("API-post-database-query": POST /databases/{id}/query): the route's last
   * word says what the call does, the method only how it is sent.
   */
  route_read_actions: words.default([]),
  /** Verbs that only introduce the real action ("start following", "try to fetch"). */
  aux_verbs: words.default([]),
  /**
   * Action words that are adjectives too ("complete", "open", "clean"): right
   * after another action word of the lead and before a noun ("Export complete
   * graph") one qualifies the object and is no action of its own.
   */
  modifier_verbs: words.default([]),
  /**
   * A lead whose move verb takes its object to the trash ("Moves a file to the
   * trash", "Move an Object to the recycling bin") deletes it with a way back:
   * Destructive, with the reversible signal, whatever the move verb alone says.
   */
  trash_moves: z.object({ verbs: words, places: words }).default({ verbs: [], places: [] }),
  /** Descriptions that say nothing (scrape placeholders); the tool is judged without them. */
  placeholder_descriptions: words.default([]),
  /** Tunable limits of the classifier, in one place. */
  limits: z
    .object({
      /** Characters of a description read at most (the rest is rarely about the action). */
      body_scan_chars: z.number().int().positive().default(3000).describe('characters of a description read at most'),
      /** Characters of the lead sentence read at most. */
      lead_chars: z.number().int().positive().default(300).describe('characters of the first sentence read for the action'),
      /** Words of the lead in which the first action is looked for. */
      lead_action_words: z.number().int().positive().default(8).describe('words of the first sentence in which its action is looked for'),
      /** More parameters than this raise the high_param_count signal. */
      many_params: z.number().int().positive().default(12).describe('more parameters than this are flagged as many to get right'),
      /** A category within this share of the top score counts as tied, and precedence decides. */
      near_tie: z.number().min(0).max(1).default(0.85).describe('a category scoring at least this share of the top score counts as tied, and the more dangerous one wins'),
      /** Score at which evidence strength is full, for confidence. */
      full_strength: z.number().positive().default(7).describe('score at which the evidence counts as fully strong, for confidence'),
      /** Confidence below this puts a visible "needs review" mark on the tool. */
      review_below: z.number().min(0).max(1).default(0.35).describe('confidence below this puts a "needs review" mark on the tool'),
    })
    .default({ body_scan_chars: 3000, lead_chars: 300, lead_action_words: 8, many_params: 12, near_tie: 0.85, full_strength: 7, review_below: 0.35 }),
});
export type ClassifierRules = z.infer<typeof classifierRulesSchema>;

/** catalogue/rules/objects.yaml: what a call acts on, and what losing it costs. */
export const objectKindsSchema = z.object({
  kinds: z.array(
    z.object({
      id: z.string(),
      words: words,
      loss: z.enum(['low', 'medium', 'high']),
      undo: z.enum(['none', 'trash', 'recreate']),
      audience: z.enum(['user', 'team', 'customers', 'public']),
      phrase: z.string(),
      /** Actions on this kind that reach nobody but the user ("dismiss" or "mark" a notification): with one of them, `audience` raises nothing. */
      private_actions: words.default([]),
    }),
  ),
  reversible_phrases: words.default([]),
  /**
   * Words that put what a call acts on in a throwaway or local place (a code
   * sandbox, a simulator, the user's own device): an object named with one of
   * them costs what the kind `kind` costs, whatever its own word says, or only
   * when its kind is one of `replaces`.
   */
  throwaway_contexts: z.array(z.object({ kind: z.string(), words: words, replaces: words.optional() })).default([]),
  /**
   * Kind words that name their kind only in some company (a "key" is a secret
   * next to "API", a keyboard's next to "press"): the word counts only when
   * the tool's name, its description's first sentence or its server's name
   * holds one of `with` and none of `not_with`; otherwise it is passed over
   * and the next object word decides.
   */
  /** A sense with no `with` words counts in any context that holds none of its `not_with`. */
  word_senses: z.array(z.object({ words: words, with: words.default([]), not_with: words.default([]) })).default([]),
});
export type ObjectKinds = z.infer<typeof objectKindsSchema>;
export type ObjectKind = ObjectKinds['kinds'][number];

const conditionSchema = z.object({
  categories: z.array(categorySchema).optional(),
  severities: z.array(severitySchema).optional(),
  signals: z.array(riskSignalSchema).optional(),
  without: z.array(riskSignalSchema).optional(),
});
export type RuleCondition = z.infer<typeof conditionSchema>;

export const severityRulesSchema = z.object({
  /** Written out in the file for its readers; it must be SEVERITIES. */
  levels: z.tuple([z.literal(SEVERITIES[0]), z.literal(SEVERITIES[1]), z.literal(SEVERITIES[2]), z.literal(SEVERITIES[3])]),
  base: z.object({ Read: severitySchema, Write: severitySchema, Execute: severitySchema, Financial: severitySchema, Destructive: severitySchema }),
  adjustments: z.array(
    z.object({ id: z.string(), when: conditionSchema, step: z.number().int().min(-3).max(3), because: z.string() }),
  ),
});
export type SeverityRules = z.infer<typeof severityRulesSchema>;

const rateSchema = z.object({ limit: z.number().int().positive(), window: z.enum(['minute', 'hour', 'day']) });
export type Rate = z.infer<typeof rateSchema>;

export const policyRulesSchema = z.object({
  rules: z.array(
    z.object({
      id: z.string(),
      when: conditionSchema,
      kind: z.enum(['hide', 'approval', 'rate', 'allow']),
      rate: rateSchema.optional(),
      because: z.string(),
    }),
  ),
  alternatives: z.object({
    rate_for_reads: rateSchema,
    rate_for_writes: rateSchema,
    rate_for_approved: rateSchema,
    caps: z.object({ amount: z.number(), quantity: z.number(), leverage: z.number() }),
  }),
});
export type PolicyRules = z.infer<typeof policyRulesSchema>;
