/**
 * Builds the Pagefind search indexes after the pages exist. (First version:
 * tool pages only; the server-index bundle is added with the search work.)
 */
import type { CatalogueServer, CatalogueTool } from '../../schemas/catalogue.ts';

export interface SearchBuildInput {
  dist: string;
  dataDir: string;
  tools: CatalogueTool[];
  servers: CatalogueServer[];
}

export async function buildSearchIndexes(input: SearchBuildInput): Promise<{ summary: string }> {
  void input;
  return { summary: 'search indexes not built yet' };
}
