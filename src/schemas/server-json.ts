/**
 * Zod schema for the official MCP registry `server.json` shape
 * (https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json).
 * Only `name` and `description` are required here: the shared popular-server
 * manifests and the index omit `version`, and we would rather catalogue a
 * server than reject it for a missing version string.
 */
import { z } from 'zod';

export const repositorySchema = z.looseObject({
  url: z.string(),
  source: z.string().optional(),
  id: z.string().optional(),
  subfolder: z.string().optional(),
});

export const packageSchema = z.looseObject({
  registryType: z.string(),
  identifier: z.string(),
  version: z.string().optional(),
  registryBaseUrl: z.string().optional(),
  transport: z.looseObject({ type: z.string() }).optional(),
});

export const remoteSchema = z.looseObject({
  type: z.string(),
  url: z.string(),
});

export const catalogueMetaSchema = z.looseObject({
  sources: z.array(z.string()).optional(),
  descriptionSource: z.string().optional(),
  categories: z.array(z.string()).optional(),
  toolCount: z.number().optional(),
  stars: z.number().optional(),
  updatedAt: z.string().optional(),
  listings: z.record(z.string(), z.string()).optional(),
  registryNames: z.array(z.string()).optional(),
  repositoryInferred: z.boolean().optional(),
  confidence: z.enum(['high', 'medium', 'low']).optional(),
});

const serverBase = {
  name: z.string({ error: 'name is required' }).min(1, 'name is empty'),
  title: z.string().optional(),
  version: z.string().optional(),
  repository: repositorySchema.optional(),
  websiteUrl: z.string().optional(),
  packages: z.array(packageSchema).optional(),
  remotes: z.array(remoteSchema).optional(),
  _meta: z.looseObject({ catalogue: catalogueMetaSchema.optional() }).optional(),
};

/** A manifest's `server.json`: description is required as in the registry. */
export const serverJsonSchema = z.looseObject({
  ...serverBase,
  description: z.string({ error: 'description is required' }),
});
export type ServerJson = z.infer<typeof serverJsonSchema>;

/** One line of `index/servers.jsonl`: same shape, description may be absent. */
export const indexServerSchema = z.looseObject({
  ...serverBase,
  description: z.string().optional(),
});
export type IndexServer = z.infer<typeof indexServerSchema>;
