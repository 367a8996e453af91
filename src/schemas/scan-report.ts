/**
 * scan-report.json, written by `npm run scan`: what each configured MCP
 * server exposes, how each tool is judged (the catalogue's own classifier,
 * poisoning detectors and policy rules), how it compares with the published
 * catalogue, what the servers do to each other, and the policies written.
 * Config secrets never appear in it: env and header values are reported by
 * name only.
 */
import { z } from 'zod';
import { categorySchema, severitySchema } from './rules.ts';
import { POLICY_KINDS, policyChoiceSchema } from './policy.ts';

export const SCAN_STATUSES = ['ok', 'invalid-tools', 'failed', 'skipped'] as const;

export const scanToolSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string(),
  category: categorySchema,
  severity: severitySchema,
  confidence: z.number(),
  signals: z.array(z.string()),
  rationale: z.string(),
  /** The recommended gateway action (hide, approval, rate, allow, capped, conditional) and its summary. */
  action: z.enum(POLICY_KINDS),
  policySummary: z.string(),
  policyChoice: policyChoiceSchema,
  poisoning: z.array(z.object({ id: z.string(), label: z.string(), where: z.string(), text: z.string() })),
  definitionHash: z.string(),
  /** How the live tool compares with the catalogued one, when the server is catalogued. */
  catalogue: z
    .object({
      status: z.enum(['same', 'changed', 'not-catalogued']),
      url: z.string().optional(),
      category: categorySchema.optional(),
      severity: severitySchema.optional(),
      definitionHash: z.string().optional(),
    })
    .optional(),
});
export type ScanTool = z.infer<typeof scanToolSchema>;

export const scanServerSchema = z.object({
  /** Unique within the report; also names the server's Intercept file. */
  id: z.string(),
  client: z.string(),
  configPath: z.string(),
  scope: z.enum(['local', 'project', 'user']),
  name: z.string(),
  transport: z.enum(['stdio', 'http']).optional(),
  /** The command line or URL, with secrets and URL credentials/queries removed. */
  target: z.string().optional(),
  envNames: z.array(z.string()),
  headerNames: z.array(z.string()),
  status: z.enum(SCAN_STATUSES),
  /** One line: why it failed or was skipped. */
  message: z.string().optional(),
  /** start | exited | timeout | protocol, or a config problem (malformed, unsupported, unresolved, disabled, overridden). */
  reason: z.string().optional(),
  notes: z.array(z.string()),
  /** Another entry with the same command or URL: the server was started once and judged once. */
  sameAs: z.string().optional(),
  serverInfo: z.object({ name: z.string(), version: z.string() }).optional(),
  seconds: z.number().optional(),
  catalogue: z
    .object({
      name: z.string(),
      slug: z.string(),
      url: z.string(),
      matchedBy: z.enum(['package', 'remote', 'name']),
      key: z.string(),
      /** Catalogued tools this server no longer lists. */
      missingTools: z.array(z.string()),
    })
    .optional(),
  /** Tools that failed the MCP Tool schema or repeated a name; not judged. */
  invalidTools: z.array(z.string()),
  tools: z.array(scanToolSchema),
});
export type ScanServer = z.infer<typeof scanServerSchema>;

export const scanFindingSchema = z.object({
  /** same-name: two servers one client loads list a tool of that name; names-other-tool: a description names another server's tool. */
  kind: z.enum(['same-name', 'names-other-tool']),
  client: z.string().optional(),
  tool: z.string(),
  /** Server ids involved (the tool's own first). */
  servers: z.array(z.string()),
  detail: z.string(),
});
export type ScanFinding = z.infer<typeof scanFindingSchema>;

export const scanReportSchema = z.object({
  tool: z.literal('toolrisk scan'),
  generatedAt: z.string(),
  configs: z.array(z.object({ client: z.string(), path: z.string(), status: z.enum(['read', 'invalid']), problem: z.string().optional(), servers: z.number() })),
  catalogue: z.object({ dir: z.string(), available: z.boolean(), servers: z.number().optional() }),
  servers: z.array(scanServerSchema),
  findings: z.array(scanFindingSchema),
  policy: z.object({
    /** Relative to the output folder. */
    file: z.string().optional(),
    intercepts: z.array(z.object({ server: z.string(), file: z.string() })),
    clashes: z.array(z.object({ tool: z.string(), servers: z.array(z.string()), kept: z.string() })),
  }),
  summary: z.object({
    servers: z.number(),
    scanned: z.number(),
    failed: z.number(),
    skipped: z.number(),
    tools: z.number(),
    bySeverity: z.record(z.string(), z.number()),
    byCategory: z.record(z.string(), z.number()),
    poisoned: z.number(),
    failOn: z.array(z.string()),
    /** Tools that hit a --fail-on threshold, as "server/tool". */
    failing: z.array(z.string()),
  }),
});
export type ScanReport = z.infer<typeof scanReportSchema>;
