/**
 * The second paragraph of "What it does" on a tool page: said from what the
 * catalogue knows about this tool (its object, its parameters, its signals),
 * and the general paragraph of its category only when nothing is known.
 * Real tools of the shared data in, sentences out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueTool } from '../../src/schemas/catalogue.ts';
import { DEFAULT_DATA_DIR } from '../../src/lib/config.ts';
import { runIngest } from '../../src/lib/ingest/run-ingest.ts';
import { whatItDoes } from '../../src/lib/site/tool-copy.ts';
import { loadRules } from '../../src/lib/rules/load-rules.ts';

const rules = loadRules();

let tools: CatalogueTool[];
beforeAll(() => {
  ({ tools } = runIngest(DEFAULT_DATA_DIR, { lean: true }));
});

const second = (server: string, name: string): string => {
  const t = tools.find((x) => x.server === server && x.name === name);
  if (!t) throw new Error(`no tool ${server} ${name}`);
  return whatItDoes(t, rules)[1]!;
};

describe('"What it does", second paragraph', () => {
  it('names the budget parameter of an ad campaign instead of "settles at market terms"', () => {
    const p = second('io.github.brnardo/meta-ads-mcp', 'update_campaign');
    expect(p).not.toMatch(/settles at market terms|trading, payment or on-chain/);
    expect(p).toContain('Its daily_budget parameter sets how much money it spends.');
  });

  it('names the address a fetch takes and that the server fetches it from its own network', () => {
    const p = second('io.github.seanlee10/server-youtube-transcription', 'youtube_transcription');
    expect(p).not.toContain('gather information before deciding');
    expect(p).toContain('Its link parameter takes any web address, which YouTube Transcription Server fetches from its own network');
  });

  it('says what a deletion removes, whether anything brings it back and who bears it', () => {
    const p = second('io.github.lostintangent/gistpad-mcp', 'delete_daily_note');
    expect(p).not.toContain('Agents reach for it when cleaning up');
    expect(p).toBe('What it removes is files or documents; no call brings it back, and the loss falls on the user. Its definition lists no parameters (its source lists only names and descriptions), so how the caller picks which note it removes is not known from here.');
  });

  it('never says a sandboxed command runs on the host and in a throwaway sandbox at once', () => {
    const p = second('io.github.302ai/302_sandbox_mcp', 'runCommand');
    expect(p).toContain('throwaway sandbox');
    expect(p).not.toContain('run on the host');
  });

  it('says a read by id looks up one item', () => {
    expect(second('io.github.blazickjp/arxiv-mcp-server', 'read_paper')).toContain('One call looks up what its paper_id parameter names and changes nothing');
  });

  it('never says "it takes no input" from a schema that lists no parameters: scraped definitions lose theirs', () => {
    // Stripe's list_coupons takes a limit; the stored definition has no properties.
    expect(second('io.github.stripe/agent-toolkit', 'list_coupons')).not.toContain('no input');
  });

  it('says a sent message cannot be unsent once, not twice, and calls no account setting a message', () => {
    const sent = second('io.github.shinzo-labs/gmail-mcp', 'verify_send_as');
    expect(sent.match(/unsent/g)).toHaveLength(1);
    const account = second('io.github.leadmagic/smartlead-mcp-server', 'smartlead_update_email_account');
    expect(account).not.toContain('What it writes is a message');
  });

  it('names the thing the tool works on, not the kind’s phrase: a Kubernetes cluster is no database table', () => {
    const p = second('io.github.takashito/linode-mcp-server', 'recycle_kubernetes_cluster');
    expect(p).not.toContain('a database or a table');
    // (Recycling replaces the cluster's machines: what it removes is infrastructure people use.)
    expect(p).toContain('What it removes is running infrastructure');
  });

  it('lists only operations the verb lexicon knows ("is a tool" is none)', () => {
    expect(second('io.github.jsonresume/mcp', 'github_enhance_resume_with_project')).not.toContain('is a tool');
  });

  it('never calls an SPL token a secret: a read’s object kind is a guess from words', () => {
    expect(second('io.github.tywenk/mcp-sol', 'get_token_largest_accounts')).not.toContain('secret');
  });

  it('does not claim a deployment runs code the agent writes itself', () => {
    const p = second('io.github.aliyun/mcp-server-esa', 'routine_code_deploy');
    expect(p).not.toContain('that they write themselves');
  });

  it('says code in a throwaway sandbox runs away from the host', () => {
    expect(second('io.github.babelcloud/gbox', 'run-python')).toContain('The code runs in a throwaway sandbox, not on the host.');
  });

  it('never reads a one-letter parameter as a word ("depends on the q the caller writes")', () => {
    const withQ = tools.filter((t) => t.category === 'Read' && t.params.some((p) => p.name === 'q'));
    expect(withQ.length).toBeGreaterThan(0);
    for (const t of withQ) expect(whatItDoes(t, rules)[1]).not.toMatch(/\bthe q\b/);
    expect(whatItDoes(withQ[0]!, rules)[1]).toContain('what the caller writes in its q parameter');
  });

  it('says a removed scratch item is small and one call makes it again, once', () => {
    const p = second('io.github.executeautomation/mcp-playwright', 'clear_codegen_session');
    expect(p).toBe('What it removes is small, and one call makes it again; the loss falls on the user. Its sessionId parameter names the item a call acts on, and that is what it removes.');
  });

  it('says which inputs a read depends on, once, and calls no keyboard key a shared secret', () => {
    expect(second('io.github.sperax/sperax-crypto-mcp', 'portfolio_get_value')).toBe('What one call returns depends on its address parameter, and it changes nothing on Sperax Ecosystem Crypto & DeFI MCP Server.');
    const search = tools.find((t) => t.name === 'search_docs' && t.serverTitle === 'OpenAI Agent Library')!;
    expect(whatItDoes(search, rules)[1]).not.toContain('depends on its query parameter, and');
    expect(second('io.github.executeautomation/mcp-playwright', 'playwright_press_key')).not.toContain('a key that');
  });

  it('reads the placeholder descriptions of the rules it is given, not the default folder', () => {
    const t = { ...tools.find((x) => x.name === 'playwright_press_key')!, description: 'Nothing to see here' };
    expect(whatItDoes(t, rules)[0]).toContain('The server describes it as “Nothing to see here”');
    const mine = { ...rules, placeholders: new Set([...rules.placeholders, 'nothing to see here']) };
    expect(whatItDoes(t, mine)[0]).toContain('The server gives it no description.');
  });
});
