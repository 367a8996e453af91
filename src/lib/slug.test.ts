import { describe, expect, it } from 'vitest';
import { assignSlugs, baseSlug, slugFor } from './slug.ts';

describe('slugs', () => {
  it('splits camelCase, snake_case, dots, slashes and spaces into hyphenated words', () => {
    expect(baseSlug('BinanceFuturesNewOrder')).toBe('binance-futures-new-order');
    expect(baseSlug('binance_spot_cancel_order')).toBe('binance-spot-cancel-order');
    expect(baseSlug('files.read/all the things')).toBe('files-read-all-the-things');
    expect(baseSlug('getHTTPStatus')).toBe('get-http-status');
  });

  it('never returns an empty or non-ASCII slug', () => {
    for (const name of ['查询订单', '🔥🔥', '..', '/', '', 'שלום']) {
      const s = slugFor(name);
      expect(s).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
    expect(slugFor('查询订单')).not.toBe(slugFor('下单'));
  });

  it('keeps slugs unique when names collide after case-folding', () => {
    const slugs = assignSlugs(['get_user', 'getUser', 'GetUser', 'GET-USER', 'list']);
    const values = [...slugs.values()];
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(5);
    expect(slugs.get('GET-USER')).toBe('get-user'); // first by code point keeps the plain slug
  });

  it('is stable regardless of input order', () => {
    const a = assignSlugs(['a.b', 'a_b', 'A-B']);
    const b = assignSlugs(['A-B', 'a_b', 'a.b']);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });

  it('caps very long names and keeps them distinct', () => {
    const long1 = 'x'.repeat(300);
    const long2 = 'x'.repeat(299) + 'y';
    expect(slugFor(long1).length).toBeLessThanOrEqual(90);
    expect(slugFor(long1)).not.toBe(slugFor(long2));
  });
});
