import { describe, expect, it } from 'vitest';
import type { CatalogueServer } from '../../schemas/catalogue.ts';
import { riskiestServers, serversByTitle } from './server-page.ts';

const server = (slug: string, title: string, critical: number, high: number) =>
  ({ slug, title, severityCounts: { critical, high, medium: 0, low: 0 } }) as unknown as CatalogueServer;

describe('server lists', () => {
  const servers = [server('b', 'Beta', 1, 5), server('a', 'alpha', 1, 5), server('c', 'Gamma', 3, 0), server('d', 'Delta', 0, 9)];
  it('ranks the riskiest by critical tools, then high ones, then slug, and keeps only the count asked for', () => {
    expect(riskiestServers(servers, 3).map((s) => s.slug)).toEqual(['c', 'a', 'b']);
  });
  it('lists servers by title, case aside', () => {
    expect(serversByTitle(servers).map((s) => s.title)).toEqual(['alpha', 'Beta', 'Delta', 'Gamma']);
  });
});
