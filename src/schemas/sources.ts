/** catalogue/sources.yaml: the folders of manifests/ the catalogue reads, and what their licences ask. */
import { z } from 'zod';

export const sourceInfoSchema = z.object({
  /** The folder under manifests/ ("toucan"). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  url: z.url().optional(),
  licence: z.string().min(1),
  licenceUrl: z.url().optional(),
  /** The attribution sentence the licence asks for, shown wherever the data is. */
  attribution: z.string().optional(),
  /** live: a server's own tools/list answer; listed: names and descriptions only. */
  definitions: z.enum(['live', 'listed']),
  /** The source's server.json "version" is the date it was collected, not a server version: it is not shown as one. */
  versionIsCrawlDate: z.boolean().default(false),
  /** Higher is more complete; decides which definition wins when sources disagree. */
  rank: z.number().int().min(0).max(10),
});
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

export const sourcesFileSchema = z.object({ sources: z.array(sourceInfoSchema) });
