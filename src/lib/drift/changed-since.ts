/**
 * "Changed since the previous snapshot" notes for tool pages: a definition
 * that changes after a team approved it is how a rug pull looks, so the page
 * of a new or changed tool says so (scripts/ingest.ts --previous, or env
 * CATALOGUE_PREVIOUS, resolved in config.ts).
 *
 * Only tools that are new or whose definition changed get an entry; an
 * unchanged tool has none, and removed tools have no page to put a note on.
 * Keys are the *current* tool ids; matching against the previous snapshot is
 * by server registry name + tool name (see diff-catalogues.ts), so a tool
 * whose slug moved is still recognised.
 *
 * changesSince throws SnapshotError when the previous folder is missing or is
 * not a data folder: a mistyped path must not mark every tool as "new".
 */
import { diffCatalogues, type DiffableTool } from './diff-catalogues.ts';
import { loadSnapshot } from './load-snapshot.ts';

export interface ToolDrift {
  status: 'added' | 'changed';
  /** One line for the page, e.g. "description changed (+312 characters); parameter `notes` added". */
  summary: string;
  /** Definition hash in the previous snapshot (changed tools only). */
  previousHash?: string;
}

export const ADDED_SUMMARY = 'new since the previous snapshot';

/** The pure half: drift notes keyed by current tool id. */
export function changesBetween(previousTools: readonly DiffableTool[], currentTools: readonly DiffableTool[]): Map<string, ToolDrift> {
  const diff = diffCatalogues(previousTools, currentTools);
  const notes = new Map<string, ToolDrift>();
  for (const t of diff.added) notes.set(t.id, { status: 'added', summary: ADDED_SUMMARY });
  for (const c of diff.changed) notes.set(c.id, { status: 'changed', summary: c.summary, previousHash: c.oldHash });
  return notes;
}

/** Reads the previous snapshot's definitions (not classified) and compares the current tools with it. */
export function changesSince(previousDataDir: string, currentTools: readonly DiffableTool[]): Map<string, ToolDrift> {
  const previous = loadSnapshot(previousDataDir);
  return changesBetween(previous.tools, currentTools);
}
