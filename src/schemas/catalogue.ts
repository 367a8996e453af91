/**
 * The catalogue JSON contract between the ingest scripts, the Astro site and
 * users of dist/api/. Ingest writes it, the content collections validate it.
 */
import { z } from 'zod';
import { categorySchema, severitySchema, RISK_SIGNALS, type RiskSignal } from './rules.ts';
import { POLICY_KINDS, policyChoiceSchema, policyJsonSchema } from './policy.ts';

const riskSignalSchema = z.enum(Object.keys(RISK_SIGNALS) as [RiskSignal, ...RiskSignal[]]);

export const evidenceSchema = z.object({
  source: z.enum(['name', 'description', 'parameter', 'annotation']),
  text: z.string(),
  /** Our words beside the text: a Chinese or Japanese phrase's English meaning, or what a parameter switch does ("replaces the remote branch's history"). */
  gloss: z.string().optional(),
  supports: categorySchema.optional(),
  signals: z.array(riskSignalSchema),
  weight: z.number(),
  note: z.string(),
});

export const policyVariantSchema = z.object({
  id: z.enum(['recommended', 'stricter', 'looser', 'capped']),
  kind: z.enum(POLICY_KINDS),
  choice: policyChoiceSchema,
  summary: z.string(),
  policy: policyJsonSchema,
  intercept: z.string(),
});

export const paramSchema = z.object({
  name: z.string(),
  type: z.string(),
  required: z.boolean(),
  description: z.string().optional(),
});

export const poisoningFindingSchema = z.object({
  id: z.string(),
  label: z.string(),
  where: z.string(),
  text: z.string(),
  patterns: z.array(z.string()),
});

export type PoisoningFinding = z.infer<typeof poisoningFindingSchema>;

export const reviewSchema = z.object({
  note: z.string(),
  reviewer: z.string().optional(),
  date: z.string().optional(),
  pinned: z.array(z.enum(['category', 'severity', 'poisoning'])),
  file: z.string(),
});

export const catalogueToolSchema = z.object({
  id: z.string(),
  server: z.string(),
  serverSlug: z.string(),
  serverTitle: z.string(),
  name: z.string(),
  slug: z.string(),
  title: z.string().optional(),
  description: z.string(),
  url: z.string(),
  params: z.array(paramSchema),
  requiredParams: z.array(z.string()),
  hasInputSchema: z.boolean(),
  annotations: z.record(z.string(), z.unknown()).optional(),
  category: categorySchema,
  severity: severitySchema,
  baseSeverity: severitySchema,
  severitySteps: z.array(z.object({ id: z.string(), step: z.number(), because: z.string() })),
  confidence: z.number().min(0).max(1),
  signals: z.array(z.object({ id: riskSignalSchema, label: z.string() })),
  rationale: z.string(),
  evidence: z.array(evidenceSchema),
  policyRule: z.object({ id: z.string(), because: z.string() }),
  policy: policyJsonSchema,
  policyKind: z.enum(POLICY_KINDS),
  /** The recommended policy's structured decision, from which every combined policy is written. */
  policyChoice: policyChoiceSchema,
  /** Every operation found, most dangerous first, with the text it was read from. */
  operations: z.array(
    z.object({
      action: z.string(),
      category: categorySchema,
      source: z.enum(['name', 'description', 'parameter', 'annotation']),
      text: z.string(),
      param: z.string().optional(),
    }),
  ),
  /** What the tool acts on (catalogue/rules/objects.yaml), when we could tell. */
  object: z.object({ id: z.string(), word: z.string(), phrase: z.string(), loss: z.string(), undo: z.string(), audience: z.string() }).optional(),
  /** Why a person should look before acting on this judgement, when the evidence is thin. */
  needsReview: z.string().optional(),
  policySummary: z.string(),
  intercept: z.string(),
  alternatives: z.array(policyVariantSchema),
  poisoning: z.array(poisoningFindingSchema),
  review: reviewSchema.optional(),
  /** Set when the build was given a previous data snapshot and this tool differs from it. */
  drift: z.object({ status: z.enum(['added', 'changed']), summary: z.string(), previousHash: z.string().optional() }).optional(),
  definitionHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Every source folder that lists this tool, the one whose definition is
   * shown first, each with a fingerprint of its own definition (first 12 hex
   * of its sha256), so a reader can see where sources disagree.
   */
  origins: z.array(z.object({ family: z.string(), fingerprint: z.string() })).default([]),
  definition: z.string(),
  source: z.string(),
});
export type CatalogueTool = z.infer<typeof catalogueToolSchema>;

const countsSchema = z.record(z.string(), z.number());

export const catalogueServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  version: z.string().optional(),
  repository: z.object({ url: z.string(), source: z.string().optional(), subfolder: z.string().optional() }).optional(),
  websiteUrl: z.string().optional(),
  packages: z.array(z.object({ registryType: z.string(), identifier: z.string(), version: z.string().optional() })),
  remotes: z.array(z.object({ type: z.string(), url: z.string() })),
  source: z.string(),
  sourceKind: z.enum(['manifest', 'toolsdk']),
  /** Every source that has this server, the one whose copy leads first. */
  copies: z
    .array(z.object({ family: z.string(), source: z.string(), name: z.string(), toolsFrom: z.enum(['live', 'scraped', 'listed']), toolCount: z.number(), slug: z.string() }))
    .default([]),
  /** Slugs other copies of this server had on their own; each gets a redirect page. */
  formerSlugs: z.array(z.string()).default([]),
  /** The name of this server's entry in index/servers.jsonl, matched by name or repository. */
  indexEntry: z.string().optional(),
  toolCount: z.number(),
  categoryCounts: countsSchema,
  severityCounts: countsSchema,
  flaggedCount: z.number(),
  tokenEstimate: z.number().optional(),
  policy: policyJsonSchema,
  intercept: z.string(),
});
export type CatalogueServer = z.infer<typeof catalogueServerSchema>;

export const reportIssueSchema = z.object({
  level: z.enum(['error', 'warning']),
  file: z.string(),
  server: z.string().optional(),
  tool: z.string().optional(),
  problem: z.string(),
});
export type ReportIssue = z.infer<typeof reportIssueSchema>;

export const buildReportSchema = z.object({
  dataDir: z.string(),
  counts: z.object({
    servers: z.number(),
    toolsRead: z.number(),
    toolsWritten: z.number(),
    toolsReported: z.number(),
    /** Tools dropped because another copy of the same server had a richer definition of the same tool. */
    toolsDropped: z.number().default(0),
    /** Server copies read (one per folder or jsonl line), before copies of one server are merged. */
    serverCopies: z.number().default(0),
    /** Servers found in more than one source. */
    mergedServers: z.number().default(0),
    /** Catalogued servers with no entry in the server index (by name or repository). */
    serversWithoutIndexEntry: z.number().default(0),
    errors: z.number(),
    warnings: z.number(),
    indexServers: z.number(),
  }),
  /** Per source folder: what came in and where it went. */
  sources: z
    .array(
      z.object({
        family: z.string(),
        servers: z.number(),
        toolsRead: z.number(),
        toolsReported: z.number(),
        toolsMerged: z.number(),
        duplicatesDropped: z.number(),
        toolsWritten: z.number(),
      }),
    )
    .default([]),
  /** Every tool definition dropped as a duplicate, with the reason. */
  dropped: z.array(z.object({ family: z.string(), server: z.string(), tool: z.string(), reason: z.string() })).default([]),
  issues: z.array(reportIssueSchema),
});
export type BuildReport = z.infer<typeof buildReportSchema>;
