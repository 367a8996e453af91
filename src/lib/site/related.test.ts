import { describe, expect, it } from 'vitest';
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { buildRelatedIndex } from './related.ts';

/** Just the fields the related index reads. */
function tool(server: string, name: string, category: CatalogueTool['category'], action: string, object?: string): CatalogueTool {
  return {
    id: `${server}/${name}`,
    name,
    serverSlug: server,
    category,
    operations: [{ action, category, source: 'name', text: action }],
    ...(object ? { object: { id: object, word: object, phrase: object, loss: 'medium', undo: 'none', audience: 'user' } } : {}),
  } as unknown as CatalogueTool;
}

describe('related tools on other servers', () => {
  const tools = [
    tool('exchange-a', 'cancel_order', 'Destructive', 'cancel', 'order'),
    tool('exchange-b', 'order_revoke', 'Destructive', 'cancel', 'order'),
    tool('exchange-c', 'cancel_subscription_renewal', 'Destructive', 'cancel', 'record'),
    tool('timer', 'sleep', 'Read', 'sleep'),
    tool('health', 'get_sleep_data', 'Read', 'get', 'record'),
    tool('other-timer', 'wait_seconds', 'Read', 'sleep'),
  ];
  const index = buildRelatedIndex(tools);

  it('finds the same operation on the same kind of object under another name, first', () => {
    expect(index.otherServers.get('exchange-a/cancel_order')!.map((r) => r.id)[0]).toBe('exchange-b/order_revoke');
  });

  it('does not match tools by a shared word alone when they do different things', () => {
    const ids = index.otherServers.get('timer/sleep')!.map((r) => r.id);
    expect(ids).not.toContain('health/get_sleep_data');
  });
});
