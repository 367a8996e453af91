/**
 * Writes the rationale: two to four sentences, in our words, about this
 * tool. Sentences are assembled from the tool's own name, server, object,
 * evidence and severity steps, so no two tools with different evidence read
 * the same.
 */
import type { Category } from '../../schemas/rules.ts';
import type { Classification, Evidence } from './types.ts';

const ARTICLE = (s: string) => (/^[aeiou]/i.test(s) ? 'an' : 'a');

function quoteEvidence(e: Evidence): string {
  const text = e.text.length > 60 ? e.text.slice(0, 57) + '…' : e.text;
  return e.gloss ? `“${text}” (${e.gloss})` : `“${text}”`;
}

function where(e: Evidence): string {
  switch (e.source) {
    case 'name':
      return 'its name';
    case 'description':
      return 'its description';
    case 'parameter':
      return 'its parameters';
    case 'annotation':
      return "the server's annotations";
  }
}

/** "its name says “cancel_order” and its description says “撤单” (cancel order)" */
export function evidenceClause(evidence: Evidence[], category: Category): string {
  const deciding = evidence.filter((e) => e.supports === category && e.weight > 0);
  const picked: Evidence[] = [];
  for (const e of deciding) {
    if (picked.length >= 2) break;
    if (picked.some((p) => p.source === e.source)) continue;
    picked.push(e);
  }
  if (!picked.length) return '';
  return picked.map((e) => `${where(e)} ${e.source === 'parameter' ? 'include' : 'says'} ${quoteEvidence(e)}`).join(' and ');
}

function whatItDoes(c: Classification, name: string, server: string): string {
  const object = c.object ? c.object : 'items';
  const action = c.action || 'handle';
  switch (c.category) {
    case 'Read':
      return `${name} on ${server} looks up ${object} and changes nothing on the server.`;
    case 'Write':
      return `${name} on ${server} changes state: it will ${action} ${object}, which a later call can correct or undo.`;
    case 'Execute':
      return `${name} on ${server} runs what the caller supplies, so the effect of a call is decided by its input, not by the tool's name.`;
    case 'Financial':
      return `${name} on ${server} moves money or market exposure${c.signals.includes('leverage') ? ', and leverage multiplies the exposure' : ''}: it will ${action} ${object}.`;
    case 'Destructive':
      return `${name} on ${server} removes or cancels ${object} that already exist${c.signals.includes('bulk_scope') ? ', many at once' : ''}.`;
  }
}

function consequence(c: Classification, server: string): string {
  switch (c.category) {
    case 'Read':
      return c.signals.includes('credentials') || c.signals.includes('key_material')
        ? 'What it returns includes secrets or key material, so anything that can read the agent’s context can read them too.'
        : 'The risk lies in what it reveals and in the third-party text it brings into the agent’s context.';
    case 'Write':
      return c.signals.includes('external_messaging')
        ? 'A message that has been sent cannot be unsent, and an agent in a loop can send many before anyone notices.'
        : `An agent in a loop could make many such changes on ${server} before anyone notices.`;
    case 'Execute':
      return c.signals.includes('read_only')
        ? 'The server describes it as read-only, which narrows the damage but not what the code or query can reveal.'
        : 'A prompt-injected or mistaken input runs with the server’s full permissions.';
    case 'Financial':
      return 'Once the exchange or chain has accepted a call, the agent cannot take it back; losses are realised at market prices.';
    case 'Destructive':
      return `Nothing on ${server} brings back what it removed, so one mistaken or injected call is enough to lose it.`;
  }
}

function severitySentence(c: Classification): string {
  if (!c.severitySteps.length) return `We rate it ${c.category}, severity ${c.severity}, the starting level for ${c.category} tools.`;
  const moves = c.severitySteps.map((s) => `${s.step > 0 ? 'raised' : 'lowered'} because ${s.because}`).join(', then ');
  return `We rate it ${c.category}, severity ${c.severity}: ${c.category} starts at ${c.baseSeverity}, ${moves}.`;
}

export function writeRationale(c: Classification, name: string, server: string): string {
  const sentences = [whatItDoes(c, name, server)];
  const because = evidenceClause(c.evidence, c.category);
  if (c.fallback) {
    sentences.push('Nothing in its name, description or parameters names a clear action, so we treat it as a tool that changes state until a reviewer says otherwise.');
  } else if (because) {
    sentences.push(`We read it as ${ARTICLE(c.category)} ${c.category} tool because ${because}.`);
  }
  sentences.push(consequence(c, server));
  sentences.push(severitySentence(c));
  return sentences.slice(0, 4).join(' ');
}
