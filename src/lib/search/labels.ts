/**
 * What the search pages show for filter values, written beside the bundles
 * so that public/js/ never copies a label, an order or a class name:
 *
 * - pagefind-tools/labels.json (toolLabels): the risk badge of a result
 *   (its classes and the text of its category and severity, exactly as
 *   RiskBadge.astro draws them) and the severity order of "Highest risk
 *   first";
 * - pagefind-index/facets.json (indexLabels, see facets.ts): confidence and
 *   package-registry labels, and the filter value of a classified server.
 *
 * Data only (strings and class names), never markup: the client builds
 * elements and text nodes from it.
 */
import { CATEGORIES, SEVERITIES, categoryClass, severityClass } from '../../schemas/levels.ts';

/** Index search filter values for a server's classification state. */
export const CLASSIFIED = { yes: 'yes', no: 'no' } as const;

export const CONFIDENCE_LABELS: Readonly<Record<string, string>> = { high: 'High', medium: 'Medium', low: 'Low', unstated: 'Not stated' };

export const PACKAGE_TYPE_LABELS: Readonly<Record<string, string>> = { npm: 'npm', pypi: 'PyPI', oci: 'OCI' };

export interface Label {
  label: string;
  class: string;
}

export interface ToolLabels {
  badge: { class: string; category: Record<string, Label>; severity: Record<string, Label> };
  /** Severity filter values, most severe first. */
  severityOrder: string[];
}

export function toolLabels(): ToolLabels {
  return {
    badge: {
      class: 'badge',
      category: Object.fromEntries(CATEGORIES.map((c) => [c, { label: c, class: categoryClass(c) }])),
      severity: Object.fromEntries(SEVERITIES.map((s) => [s, { label: s, class: severityClass(s) }])),
    },
    severityOrder: [...SEVERITIES].reverse(),
  };
}

export interface IndexLabels {
  confidence: Record<string, string>;
  packageType: Record<string, string>;
  /** The `classified` filter value of a server whose tools the catalogue has classified. */
  classified: string;
}

export function indexLabels(): IndexLabels {
  return { confidence: { ...CONFIDENCE_LABELS }, packageType: { ...PACKAGE_TYPE_LABELS }, classified: CLASSIFIED.yes };
}
