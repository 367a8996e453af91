/**
 * Deterministic synthetic manifests for the throughput benchmark: N servers
 * of M tools each, written in the shared data layout
 * (manifests/<server>/server.json + tools.json). Names, descriptions and
 * input schemas mix the verbs, objects, naming styles, markdown, Chinese
 * lines and parameter shapes seen in real manifests, so the classifier does
 * the same kind of work per tool as on the shared data. The same seed always
 * writes byte-identical files, so figures from two runs are comparable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and good enough to vary synthetic text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Verbs roughly in the proportions the shared catalogue has (mostly reads).
const VERBS = [
  ...['get', 'list', 'search', 'fetch', 'query', 'describe', 'show', 'find', 'read', 'check', 'calculate', 'analyze', 'validate', 'preview', 'estimate', 'lookup', 'export', 'simulate'].flatMap((v) => [v, v]),
  'create', 'update', 'set', 'add', 'edit', 'rename', 'move', 'upload', 'post', 'send', 'assign', 'enable', 'disable', 'start', 'stop', 'schedule', 'archive', 'publish', 'merge', 'invite', 'approve', 'change',
  'run', 'execute', 'trigger', 'deploy', 'invoke', 'build', 'apply', 'eval',
  'transfer', 'swap', 'withdraw', 'buy', 'sell', 'stake', 'place', 'close', 'borrow', 'repay', 'refund', 'pay', 'bridge',
  'delete', 'remove', 'cancel', 'drop', 'purge', 'revoke', 'terminate', 'clear', 'reset', 'wipe',
];

const OBJECTS = [
  'order', 'orders', 'open orders', 'position', 'positions', 'balance', 'balances', 'account info', 'ticker', 'klines', 'order book', 'trade history',
  'leverage', 'margin type', 'file', 'files', 'directory', 'repository', 'issue', 'issues', 'pull request', 'branch', 'commit', 'release', 'label',
  'user', 'users', 'team members', 'role', 'permissions', 'api key', 'secret', 'wallet', 'token', 'tokens', 'nft', 'transaction', 'payment', 'invoice',
  'refund', 'subscription', 'customer', 'product', 'price', 'message', 'email', 'channel', 'comment', 'pipeline', 'workflow', 'job', 'query', 'sql',
  'script', 'command', 'table', 'database', 'collection', 'index', 'document', 'page', 'tab', 'cache', 'session', 'bucket', 'object', 'instance',
  'cluster', 'deployment', 'container', 'image', 'volume', 'secret value', 'metrics', 'logs', 'alerts', 'dashboard', 'report', 'quote', 'pool', 'liquidity',
  'collateral', 'loan', 'vault', 'proposal', 'vote', 'stream', 'webhook', 'schedule', 'calendar event', 'task', 'note', 'memory', 'entity', 'graph',
];

const QUALIFIERS = ['all', 'batch', 'spot', 'futures', 'margin', 'latest', 'recent', 'by id', 'for symbol', 'v2', 'details', 'status', 'summary', 'bulk', 'user', 'project'];

const CONTEXTS = [
  'for the given symbol', 'in the current workspace', 'on the selected network', 'for an account', 'in a repository', 'across all projects',
  'for the authenticated user', 'in the specified bucket', 'on the exchange', 'in the database', 'for a customer', 'on the cluster',
];

const BODY = [
  'Returns a JSON object with the fields listed below.',
  'Requires an API key with the matching permission.',
  'This action cannot be undone.',
  'Results are paginated; pass the cursor from the previous call to continue.',
  'Supports filtering by status, date range and tag.',
  '⚠️ RISK: this operation uses real funds on mainnet.',
  'Use this tool when the user asks to inspect the current state before acting.',
  'The SQL query is executed read-only against a replica.',
  'Rate limited to 10 requests per second per key.',
  'Accepts either an ID or a name; names are matched case-insensitively.',
  'Leverage up to 125x is supported on USDⓈ-M contracts.',
  'Never include the private key in logs or responses.',
  '## Parameters\n- `id`: the identifier\n- `limit`: page size (default 50)',
  '**Note:** deleted items are moved to the trash for 30 days first.',
  '查询账户信息，返回余额和持仓。',
  '🔥 撤销所有挂单，此操作不可撤销。',
  '获取最新价格和24小时统计数据。',
];

const PARAMS: [string, string, string][] = [
  ['id', 'string', 'Identifier of the item'], ['symbol', 'string', 'Trading pair, e.g. BTCUSDT'], ['limit', 'integer', 'Maximum number of results'],
  ['cursor', 'string', 'Pagination cursor'], ['amount', 'string', 'Amount to use'], ['quantity', 'number', 'Order quantity'], ['price', 'number', 'Limit price'],
  ['to', 'string', 'Recipient address'], ['recipient', 'string', 'Who receives it'], ['query', 'string', 'Search text or query'], ['sql', 'string', 'SQL statement to run'],
  ['path', 'string', 'File or folder path'], ['privateKey', 'string', 'Hex private key used to sign'], ['leverage', 'integer', 'Leverage multiplier'],
  ['network', 'string', 'Network name'], ['owner', 'string', 'Repository owner'], ['repo', 'string', 'Repository name'], ['title', 'string', 'Title'],
  ['body', 'string', 'Body text (markdown)'], ['command', 'string', 'Shell command to run'], ['url', 'string', 'URL to fetch'], ['all', 'boolean', 'Apply to every item'],
  ['force', 'boolean', 'Skip confirmation'], ['recvWindow', 'integer', 'Request validity window in ms'], ['tags', 'array', 'Tags to apply'], ['side', 'string', 'BUY or SELL'],
  ['type', 'string', 'Order type'], ['email', 'string', 'Email address'], ['channel', 'string', 'Channel ID'], ['startTime', 'integer', 'Start of the range (ms)'],
  ['endTime', 'integer', 'End of the range (ms)'], ['apiKey', 'string', 'API key'], ['options', 'object', 'Extra options'], ['dryRun', 'boolean', 'Only simulate'],
];

const STYLES = ['snake', 'camel', 'pascal', 'kebab'] as const;

function words(phrase: string): string[] {
  return phrase.split(' ');
}

function joinWords(parts: string[], style: (typeof STYLES)[number]): string {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (style) {
    case 'snake':
      return parts.join('_');
    case 'kebab':
      return parts.join('-');
    case 'camel':
      return parts.map((w, i) => (i === 0 ? w : cap(w))).join('');
    case 'pascal':
      return parts.map(cap).join('');
  }
}

export interface GeneratedTool {
  name: string;
  description: string;
  inputSchema: { type: 'object'; properties: Record<string, unknown>; required?: string[] };
  annotations?: Record<string, boolean>;
}

/** The tools of one synthetic server; names are unique within it. */
export function generateServerTools(serverIndex: number, count: number, seed = 1): GeneratedTool[] {
  const rnd = prng(seed * 1_000_003 + serverIndex);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const style = STYLES[serverIndex % STYLES.length]!;
  const prefix = rnd() < 0.5 ? [`svc${serverIndex}`] : [];
  const used = new Set<string>();
  const tools: GeneratedTool[] = [];
  for (let i = 0; i < count; i++) {
    const verb = pick(VERBS);
    const object = pick(OBJECTS);
    const parts = [...prefix, ...words(verb), ...words(object)];
    if (rnd() < 0.35) parts.push(...words(pick(QUALIFIERS)));
    let name = joinWords(parts, style);
    // Keep names unique the way real servers do: a version or variant suffix.
    for (let n = 2; used.has(name); n++) name = joinWords([...parts, `v${n}`], style);
    used.add(name);

    const lead = `${verb.charAt(0).toUpperCase() + verb.slice(1)} ${rnd() < 0.5 ? 'the' : 'a'} ${object} ${pick(CONTEXTS)}.`;
    const body: string[] = [];
    const extra = Math.floor(rnd() * rnd() * 6);
    for (let k = 0; k < extra; k++) body.push(pick(BODY));
    const description = rnd() < 0.02 ? '' : [lead, ...body].join(rnd() < 0.5 ? ' ' : '\n\n');

    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    const nParams = Math.floor(rnd() * 9);
    for (let k = 0; k < nParams; k++) {
      const [p, type, desc] = pick(PARAMS);
      if (properties[p]) continue;
      properties[p] = type === 'array' ? { type, items: { type: 'string' }, description: desc } : { type, description: desc };
      if (rnd() < 0.4) required.push(p);
    }
    const tool: GeneratedTool = { name, description, inputSchema: { type: 'object', properties, ...(required.length ? { required } : {}) } };
    const a = rnd();
    if (a < 0.1) tool.annotations = { readOnlyHint: true };
    else if (a < 0.15) tool.annotations = { destructiveHint: true, openWorldHint: true };
    tools.push(tool);
  }
  return tools;
}

/** Writes `servers` x `toolsPerServer` tools under dir/manifests; returns the tool count. */
export function writeGeneratedData(dir: string, servers: number, toolsPerServer: number, seed = 1): number {
  let total = 0;
  for (let s = 0; s < servers; s++) {
    const folder = join(dir, 'manifests', `bench-server-${String(s).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    const server = {
      name: `io.github.bench/bench-server-${s}`,
      title: `Bench Server ${s}`,
      description: `Synthetic server ${s} for the throughput benchmark`,
      version: '1.0.0',
    };
    const tools = generateServerTools(s, toolsPerServer, seed);
    writeFileSync(join(folder, 'server.json'), JSON.stringify(server, null, 2));
    writeFileSync(join(folder, 'tools.json'), JSON.stringify({ tools }));
    total += tools.length;
  }
  return total;
}
