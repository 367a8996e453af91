import { describe, expect, it } from 'vitest';
import type { CatalogueTool } from '../../schemas/catalogue.ts';
import { indexRecord, matchCatalogue, nameWords, safeHttpUrl, toolRecord } from './records.ts';
import { needsAttribution } from './attribution.ts';

const tool = (over: Partial<CatalogueTool>): CatalogueTool => ({
  id: 'binance/binance-spot-cancel-all-orders',
  server: 'io.github.kydlikebtc/binance-mcp-server',
  serverSlug: 'binance',
  serverTitle: 'Binance',
  name: 'binance_spot_cancel_all_orders',
  slug: 'binance-spot-cancel-all-orders',
  description: 'Cancel all open orders on a symbol.',
  url: '/tools/binance/binance-spot-cancel-all-orders/',
  category: 'Destructive',
  severity: 'critical',
  ...over,
} as CatalogueTool);

describe('toolRecord', () => {
  it('carries the page URL, name and server as meta, and the filters', () => {
    const r = toolRecord(tool({}));
    expect(r.url).toBe('/tools/binance/binance-spot-cancel-all-orders/');
    expect(r.meta).toEqual({ title: 'binance_spot_cancel_all_orders', server: 'Binance', words: '5' });
    expect(r.filters).toEqual({ server: ['binance'], category: ['Destructive'], severity: ['critical'] });
    expect(r.content).toBe('binance spot cancel all orders Cancel all open orders on a symbol.');
  });

  it('reveals hidden characters, collapses whitespace and caps long descriptions', () => {
    const r = toolRecord(tool({ description: `Safe\u202Egnp.exe\n\n${'word '.repeat(1000)}`, severity: 'low' }));
    expect(r.content.startsWith('binance spot cancel all orders Safe[U+202E]gnp.exe word')).toBe(true);
    expect(r.content.length).toBeLessThanOrEqual(1500 + 'binance spot cancel all orders '.length);
    expect(r.content).not.toMatch(/\n/);
  });

  it('keeps markup in descriptions as text for the browser to show as text', () => {
    expect(toolRecord(tool({ description: '<img src=x onerror=alert(1)>' })).content).toBe('binance spot cancel all orders <img src=x onerror=alert(1)>');
  });

  it('never has empty content', () => {
    expect(toolRecord(tool({ description: '' })).content).toBe('binance_spot_cancel_all_orders');
  });
});

describe('indexRecord', () => {
  const server = {
    name: 'io.github.acme/pg-mcp',
    title: 'Postgres MCP',
    description: 'Query Postgres.',
    repository: { url: 'https://github.com/Acme/pg-mcp', source: 'github' },
    packages: [{ registryType: 'npm', identifier: '@acme/pg-mcp' }, { registryType: 'pypi', identifier: 'pg-mcp' }],
    _meta: { catalogue: { sources: ['glama', 'mcp.so'], descriptionSource: 'awesome-ever-works', categories: ['databases', 'developer-tools'], confidence: 'high' as const } },
  };

  it('keeps only what a result shows', () => {
    const r = indexRecord(server, undefined, 41);
    expect(r.url).toBe('/index-search/s/15.html');
    expect(r.content).toBe('Query Postgres.');
    expect(r.meta).toEqual({ title: 'Postgres MCP', name: 'io.github.acme/pg-mcp', repo: 'https://github.com/Acme/pg-mcp', packages: 'npm @acme/pg-mcp, pypi pg-mcp', categories: 'databases, developer-tools' });
    expect(r.filters).toEqual({ source: ['glama', 'mcp.so'], confidence: ['high'], classified: ['no'], descSource: ['awesome-ever-works'] });
    expect(needsAttribution(r.filters.descSource![0])).toBe(true);
  });

  it('links classified servers to their catalogue page', () => {
    const r = indexRecord(server, 'acme-pg', 0);
    expect(r.url).toBe('/servers/acme-pg/');
    expect(r.filters.classified).toEqual(['yes']);
  });

  it('drops links that are not http(s) and keeps the name when nothing else says it', () => {
    const r = indexRecord({ name: 'npm:evil', title: 'Evil', repository: { url: 'javascript:alert(1)' }, websiteUrl: 'data:text/html,x' }, undefined, 0);
    expect(r.meta).toEqual({ title: 'Evil', name: 'npm:evil' });
    expect(r.content).toBe('Evil');
    expect(r.filters).toEqual({ source: ['unstated'], confidence: ['unstated'], classified: ['no'] });
  });

  it('has no description source without a description', () => {
    const r = indexRecord({ ...server, description: undefined }, undefined, 0);
    expect(r.filters.descSource).toBeUndefined();
    expect(r.content).toBe('Postgres MCP');
  });
});

describe('helpers', () => {
  it('safeHttpUrl accepts only http and https', () => {
    expect(safeHttpUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
    expect(safeHttpUrl(42)).toBeUndefined();
  });

  it('matchCatalogue matches exactly first, then ignoring case, one index entry per server', () => {
    const servers = [{ name: 'io.github.Azure/azure-mcp', slug: 'azure' }, { name: 'io.github.x/y', slug: 'xy' }];
    const m = matchCatalogue(['io.github.azure/azure-mcp', 'io.github.x/y', 'io.github.X/Y', 'other'], servers);
    expect([...m]).toEqual([['io.github.x/y', 'xy'], ['io.github.azure/azure-mcp', 'azure']]);
  });
});

describe('nameWords', () => {
  it('splits snake, kebab, dotted and CamelCase names into lowercase words', () => {
    expect(nameWords('binance_spot_cancel_all_orders')).toBe('binance spot cancel all orders');
    expect(nameWords('BinanceFuturesCancelAllOpenOrders')).toBe('binance futures cancel all open orders');
    expect(nameWords('BinanceSpotCancelOpenTWAPOrder')).toBe('binance spot cancel open twap order');
    expect(nameWords('get-file.contents')).toBe('get file contents');
    expect(nameWords('s3ListBuckets')).toBe('s 3 list buckets s3');
    expect(nameWords('screenshot')).toBe('');
    expect(nameWords('<script>')).toBe('');
  });

  it('splits a camelCase name with digits as words.ts does, and keeps letters glued to digits whole too', () => {
    expect(nameWords('get24hrTicker')).toBe('get 24hr ticker get24hr');
    expect(nameWords('get_hs300_stocks')).toBe('get hs 300 stocks hs300');
    // One searchable word already: the title finds it.
    expect(nameWords('md5')).toBe('');
    expect(nameWords('sha256')).toBe('');
    // Every part a search may type is a word of the content, so Pagefind finds the tool by it.
    const r = toolRecord(tool({ name: 'getERC20Balance', description: 'Balance of a token.' }));
    const words = r.content.split(' ');
    for (const part of ['get', 'erc', '20', 'erc20', 'balance']) expect(words).toContain(part);
    expect(r.content.split(' ').slice(Number(r.meta.words)).join(' ')).toBe('Balance of a token.');
  });

  it('leads the content with them and says how many to keep out of the snippet', () => {
    const r = toolRecord(tool({}));
    expect(r.content).toBe('binance spot cancel all orders Cancel all open orders on a symbol.');
    expect(r.meta.words).toBe('5');
    const plain = toolRecord(tool({ name: 'screenshot', description: 'Takes a screenshot.' }));
    expect(plain.content).toBe('Takes a screenshot.');
    expect(plain.meta.words).toBeUndefined();
  });
});

describe('labels for the client', () => {
  it('gives the badge, severity order and index labels as data, not markup', async () => {
    const { toolLabels, indexLabels } = await import('./labels.ts');
    const t = toolLabels();
    expect(t.severityOrder).toEqual(['critical', 'high', 'medium', 'low']);
    expect(t.badge.category.Destructive).toEqual({ label: 'Destructive', class: 'cat-destructive' });
    expect(t.badge.severity.critical).toEqual({ label: 'critical', class: 'sev-critical' });
    expect(JSON.stringify(t)).not.toMatch(/</);
    expect(indexLabels()).toMatchObject({ classified: 'yes', confidence: { unstated: 'Not stated' }, packageType: { pypi: 'PyPI' } });
  });
});
