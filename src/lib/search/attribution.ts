/**
 * Where an index entry's description came from, and what its licence asks
 * of us. Descriptions from awesome-ever-works are CC BY-SA 4.0: every result
 * that shows one names the source, links the licence and says the text is
 * shared under it. Everything else gets a plain "Description from <source>".
 * The table goes to the browser once (in the bundle's facets.json), so each
 * search record only carries the short source label.
 */
export interface DescriptionLicence {
  /** Text shown after "Description from <source>" (already a sentence). */
  attribution: string;
  licence: string;
  licenceUrl: string;
  sourceUrl: string;
}

export const DESCRIPTION_LICENCES: Record<string, DescriptionLicence> = {
  'awesome-ever-works': {
    attribution: 'Text from ever-works/awesome-mcp-servers-data by the ever-works contributors, licensed under CC BY-SA 4.0; shared here under the same licence.',
    licence: 'CC BY-SA 4.0',
    licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
    sourceUrl: 'https://github.com/ever-works/awesome-mcp-servers-data',
  },
};

/** Sources whose text needs share-alike attribution wherever it is shown. */
export function needsAttribution(source: string | undefined): boolean {
  return source !== undefined && Object.hasOwn(DESCRIPTION_LICENCES, source);
}
