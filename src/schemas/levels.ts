/**
 * The categories and severity levels, and their orders. Plain constants
 * without zod: the policy builder's browser bundle imports them, and a zod
 * schema module would pull all of zod into it.
 */
export const CATEGORIES = ['Read', 'Write', 'Execute', 'Financial', 'Destructive'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The categories from most to least dangerous: the classifier breaks ties in
 * this order (catalogue/rules/classifier.yaml repeats it for its readers and
 * is checked against it) and policies group tools in it.
 */
export const CATEGORY_PRECEDENCE: readonly Category[] = ['Financial', 'Destructive', 'Execute', 'Write', 'Read'];

/** The severity order, least severe first. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severity order for lists, most severe first: 0 for critical. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.fromEntries(SEVERITIES.map((s, i) => [s, SEVERITIES.length - 1 - i])) as Record<Severity, number>;

/** The CSS class that colours a category (RiskBadge.astro, and the search results through labels.json). */
export const categoryClass = (category: string): string => `cat-${category.toLowerCase()}`;
/** The CSS class that colours a severity. */
export const severityClass = (severity: string): string => `sev-${severity}`;
