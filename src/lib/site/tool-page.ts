/**
 * Everything a tool page says besides the catalogue record itself: its
 * title and meta description, the displayed description, the FAQ and its
 * JSON-LD, the policy variants with their labels, and its related tools.
 * The page file only lays these out.
 */
import type { AttackPattern } from '../../schemas/attack-pattern.ts';
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { patternsForTool } from '../attack-patterns.ts';
import { displayText, oneLine, type DisplayText } from '../text/display.ts';
import { jsonLd } from './json-ld.ts';
import type { ListItem, ToolSummary } from './listing.ts';
import type { RelatedIndex } from './related.ts';
import { originsSentence } from './sources.ts';
import { applySteps, faq, gatewayParagraph, metaDescription, whatItDoes, type CopyRules, type FaqEntry } from './tool-copy.ts';

export const SOURCE_LABELS = { name: 'Name', description: 'Description', parameter: 'Parameter', annotation: 'Annotation' } as const;

export interface PolicyVariantView {
  id: string;
  label: string;
  kind: string;
  summary: string;
  json: string;
  yaml: string;
}

export interface ToolPageModel {
  title: string;
  metaDescription: string;
  description: DisplayText;
  what: string[];
  gateway: string;
  questions: FaqEntry[];
  /** The FAQ as schema.org FAQPage JSON-LD, safe to put in a script element. */
  faqJsonLd: string;
  steps: string[];
  policyJson: string;
  variants: PolicyVariantView[];
  origins?: string;
  /** The link under the tool's own server's related tools. */
  serverLink: string;
}

/** `rules`: the rules the catalogue was classified with (its placeholder descriptions and verb lexicon). */
export function toolPageModel(t: CatalogueTool, serverToolCount: number, rules: CopyRules): ToolPageModel {
  const questions = faq(t, serverToolCount, rules);
  const policyJson = JSON.stringify(t.policy, null, 2);
  const origins = originsSentence(t.origins);
  return {
    title: `${oneLine(t.name, 80)} on ${oneLine(t.serverTitle, 60)}`,
    metaDescription: metaDescription(t),
    description: displayText(t.description, 6000),
    what: whatItDoes(t, rules),
    gateway: gatewayParagraph(t),
    questions,
    faqJsonLd: jsonLd({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: questions.map((q) => ({ '@type': 'Question', name: q.q, acceptedAnswer: { '@type': 'Answer', text: q.a } })),
    }),
    steps: applySteps(t),
    policyJson,
    variants: [
      { id: 'recommended', label: 'Recommended', kind: t.policyKind, summary: t.policySummary, json: policyJson, yaml: t.intercept },
      ...t.alternatives.map((a) => ({ id: a.id, label: a.id[0]!.toUpperCase() + a.id.slice(1), kind: a.kind, summary: a.summary, json: JSON.stringify(a.policy, null, 2), yaml: a.intercept })),
    ],
    ...(origins ? { origins } : {}),
    serverLink: serverToolCount === 1 ? `${t.serverTitle} has only this tool` : `All ${serverToolCount} tools of ${t.serverTitle}`,
  };
}

/** The page's props: the tool, its server's tool count, related tools and the attack patterns that fit it. */
export interface ToolPageProps {
  tool: CatalogueTool;
  serverToolCount: number;
  sameServer: ListItem[];
  otherServers: ListItem[];
  patterns: AttackPattern[];
  indexServers: number;
}

export function toolPageProps(
  tool: CatalogueTool,
  data: { toolById: Map<string, ToolSummary>; toolsByServer: Map<string, ToolSummary[]>; related: RelatedIndex; patterns: AttackPattern[] },
  indexServers: number,
): ToolPageProps {
  const brief = (id: string): ListItem => {
    const { item, brief: description } = data.toolById.get(id)!;
    return { url: item.url, name: item.name, category: item.category, severity: item.severity, description, serverTitle: item.serverTitle };
  };
  return {
    tool,
    serverToolCount: data.toolsByServer.get(tool.serverSlug)!.length,
    sameServer: data.related.sameServer.get(tool.id)!.map((r) => brief(r.id)),
    otherServers: data.related.otherServers.get(tool.id)!.map((r) => brief(r.id)),
    patterns: patternsForTool(data.patterns, tool.category, [...tool.signals.map((s) => s.id), ...tool.poisoning.map((p) => p.id)]),
    indexServers,
  };
}
