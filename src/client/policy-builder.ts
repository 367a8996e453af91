/**
 * The policy builder page (/policy-builder/): pick servers, adjust each
 * tool's action (one by one or a whole category at once), and get one
 * policy.json for the stack plus one Intercept YAML per server.
 *
 * The policies are written by the build's own modules (policy/combine.ts,
 * entries.ts, yaml-writer.ts) and checked with the build's own rules
 * (schemas/policy-rules.ts, intercept-rules.ts); esbuild bundles them here
 * (src/lib/site/bundle-client.ts). The selection and every change live in
 * the URL, so a link reproduces the policy. No backend: server data comes
 * from the static API, fetched when a server is picked.
 */
import { stackPolicy, type ChosenTool } from '../lib/policy/combine.ts';
import { policyJsonProblems } from '../schemas/policy-rules.ts';
import { interceptPolicyRuleProblems } from '../schemas/intercept-rules.ts';
import type { BuilderServer, BuilderServerEntry, BuilderTool } from '../lib/site/builder-data.ts';
import type { PolicyChoice } from '../schemas/policy.ts';

type Action = 'allow' | 'rate' | 'approval' | 'hide' | 'conditional';
const ACTIONS: Record<Action, string> = {
  allow: 'Allow',
  rate: 'Rate limit',
  approval: 'Approval',
  hide: 'Hide',
  conditional: 'Hold dangerous operations',
};
const CATEGORY_ORDER = ['Financial', 'Destructive', 'Execute', 'Write', 'Read'];

/** One change the user made, in order: to one tool, or to a whole category of one server. */
interface Change {
  action: Action;
  slug: string;
  scope: 't' | 'c';
  target: string;
}

const root = document.getElementById('policy-builder')!;
const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
const query = $<HTMLInputElement>('#pb-q');
const results = $<HTMLUListElement>('#pb-results');
const status = $<HTMLElement>('#pb-status');
const picked = $<HTMLElement>('#pb-servers');
const output = $<HTMLElement>('#pb-output');

let list: BuilderServerEntry[] | undefined;
const loaded = new Map<string, BuilderServer>();
let slugs: string[] = [];
let changes: Change[] = [];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...kids);
  return node;
};

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

// ---- URL state: ?server=a&server=b&set=<action>:<slug>:<t|c>:<tool or category>
function readUrl(): void {
  const params = new URLSearchParams(location.search);
  slugs = [...new Set(params.getAll('server'))];
  changes = params.getAll('set').flatMap((v) => {
    const m = /^([a-z]+):([^:]+):([tc]):([\s\S]+)$/.exec(v);
    return m && m[1]! in ACTIONS && slugs.includes(m[2]!) ? [{ action: m[1] as Action, slug: m[2]!, scope: m[3] as 't' | 'c', target: m[4]! }] : [];
  });
}

function writeUrl(): void {
  const params = new URLSearchParams();
  for (const s of slugs) params.append('server', s);
  for (const c of changes) params.append('set', `${c.action}:${c.slug}:${c.scope}:${c.target}`);
  const q = params.toString();
  history.replaceState(null, '', q ? `?${q}` : location.pathname);
}

// ---- choices
function actionOf(choice: PolicyChoice): Action {
  return choice.kind === 'capped' ? 'approval' : choice.kind;
}

function choiceFor(tool: BuilderTool, action: Action): PolicyChoice {
  if (action === 'rate') return { kind: 'rate', rate: tool.rate };
  if (action === 'conditional') return tool.conditional ?? { kind: 'approval' };
  return { kind: action };
}

/** Each tool's action after the user's changes, applied in the order made. */
function actionsOf(server: BuilderServer): Map<string, Action> {
  const out = new Map(server.tools.map((t) => [t.name, actionOf(t.recommended)]));
  for (const c of changes) {
    if (c.slug !== server.slug) continue;
    for (const t of server.tools) {
      if (c.scope === 't' ? t.name !== c.target : t.category !== c.target) continue;
      // "Hold dangerous operations" only exists where the tool's parameter picks the operation.
      out.set(t.name, c.action === 'conditional' && !t.conditional ? 'approval' : c.action);
    }
  }
  return out;
}

function change(next: Change): void {
  changes = changes.filter((c) => {
    if (c.slug !== next.slug) return true;
    if (next.scope === 'c') {
      if (c.scope === 'c') return c.target !== next.target;
      const tool = loaded.get(c.slug)?.tools.find((t) => t.name === c.target);
      return tool?.category !== next.target;
    }
    return !(c.scope === 't' && c.target === next.target);
  });
  changes.push(next);
  writeUrl();
  render();
}

// ---- server search
/** Exact names first, then names that start with the query; the list is already sorted by tool count. */
function rankHit(s: BuilderServerEntry, q: string): number {
  const title = s.title.toLowerCase();
  return title === q || s.slug === q ? 0 : title.startsWith(q) || s.slug.startsWith(q) ? 1 : 2;
}

async function search(): Promise<void> {
  list ??= await getJson<BuilderServerEntry[]>('/api/policy-builder/servers.json');
  const q = query.value.trim().toLowerCase();
  const hits = q
    ? list
        .filter((s) => !slugs.includes(s.slug) && (s.title.toLowerCase().includes(q) || s.name.toLowerCase().includes(q) || s.slug.includes(q)))
        .sort((a, b) => rankHit(a, q) - rankHit(b, q))
        .slice(0, 8)
    : [];
  results.replaceChildren(
    ...hits.map((s) => {
      const button = el('button', { type: 'button', textContent: `Add ${s.title}` }, el('span', { className: 'muted', textContent: ` ${s.tools} tool${s.tools === 1 ? '' : 's'}` }));
      button.dataset.slug = s.slug;
      button.addEventListener('click', () => void add(s.slug));
      return el('li', {}, button);
    }),
  );
  status.textContent = q ? `${hits.length ? hits.length : 'No'} server${hits.length === 1 ? '' : 's'} found` : '';
}

async function add(slug: string): Promise<void> {
  if (!slugs.includes(slug)) slugs.push(slug);
  query.value = '';
  results.replaceChildren();
  writeUrl();
  await load();
  status.textContent = `${loaded.get(slug)?.title ?? slug} added`;
  picked.querySelector<HTMLElement>(`[data-slug="${CSS.escape(slug)}"] h2`)?.focus();
}

function remove(slug: string): void {
  slugs = slugs.filter((s) => s !== slug);
  changes = changes.filter((c) => c.slug !== slug);
  writeUrl();
  render();
  status.textContent = 'Server removed';
  query.focus();
}

async function load(): Promise<void> {
  const missing = slugs.filter((s) => !loaded.has(s));
  const got = await Promise.allSettled(missing.map((s) => getJson<BuilderServer>(`/api/servers/${encodeURIComponent(s)}/tools.json`)));
  got.forEach((r, i) => {
    if (r.status === 'fulfilled') loaded.set(missing[i]!, r.value);
    else slugs = slugs.filter((s) => s !== missing[i]);
  });
  render();
}

// ---- rendering
function actionSelect(options: Action[], value: Action | '', label: string): HTMLSelectElement {
  const select = el('select', { ariaLabel: label });
  for (const a of options) select.append(el('option', { value: a, textContent: ACTIONS[a], selected: a === value }));
  return select;
}

function serverSection(server: BuilderServer): HTMLElement {
  const actions = actionsOf(server);
  const section = el('section', { className: 'pb-server' });
  section.dataset.slug = server.slug;
  const heading = el('h2', { tabIndex: -1 }, el('a', { href: server.url, textContent: server.title }));
  const removeButton = el('button', { type: 'button', textContent: 'Remove', ariaLabel: `Remove ${server.title}` });
  removeButton.addEventListener('click', () => remove(server.slug));

  const categories = CATEGORY_ORDER.filter((c) => server.tools.some((t) => t.category === c));
  const bulkCategory = el('select', { ariaLabel: `Category on ${server.title}` });
  for (const c of categories) bulkCategory.append(el('option', { value: c, textContent: `every ${c} tool` }));
  const bulkAction = actionSelect(['allow', 'rate', 'approval', 'hide'], 'hide', `Action for the category on ${server.title}`);
  const apply = el('button', { type: 'submit', textContent: 'Apply' });
  const bulk = el('form', { className: 'pb-bulk' }, el('span', { textContent: 'Set ' }), bulkCategory, el('span', { textContent: ' to ' }), bulkAction, apply);
  bulk.addEventListener('submit', (e) => {
    e.preventDefault();
    change({ action: bulkAction.value as Action, slug: server.slug, scope: 'c', target: bulkCategory.value });
    status.textContent = `Every ${bulkCategory.value} tool on ${server.title} set to ${ACTIONS[bulkAction.value as Action]}`;
  });

  const body = el('tbody');
  const ordered = [...server.tools].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.name.localeCompare(b.name));
  for (const t of ordered) {
    const options: Action[] = t.conditional ? ['allow', 'rate', 'conditional', 'approval', 'hide'] : ['allow', 'rate', 'approval', 'hide'];
    const current = actions.get(t.name)!;
    const select = actionSelect(options, current, `Action for ${t.name}`);
    select.addEventListener('change', () => change({ action: select.value as Action, slug: server.slug, scope: 't', target: t.name }));
    const rec = actionOf(t.recommended);
    const row = el(
      'tr',
      {},
      el('td', {}, el('a', { href: t.url, className: 'pb-tool', textContent: t.name })),
      el('td', {}, el('span', { className: `badge cat-${t.category.toLowerCase()}` }, el('span', { textContent: t.category }))),
      el('td', { className: `sev-${t.severity}` }, t.severity),
      el('td', {}, select, current === rec ? '' : el('span', { className: 'pb-changed', textContent: ` changed from ${ACTIONS[rec]}` })),
    );
    row.dataset.tool = t.name;
    body.append(row);
  }
  const table = el(
    'table',
    { className: 'pb-table' },
    el('caption', { className: 'visually-hidden', textContent: `${server.title}: tools and actions` }),
    el('thead', {}, el('tr', {}, ...['Tool', 'Category', 'Severity', 'Action'].map((h) => el('th', { scope: 'col', textContent: h })))),
    body,
  );
  section.append(el('div', { className: 'pb-head' }, heading, removeButton), bulk, el('div', { className: 'table-scroll' }, table));
  return section;
}

function codeBlock(label: string, text: string, file: string, type: string): HTMLElement {
  const code = el('code', { textContent: text });
  const copy = el('button', { type: 'button', textContent: 'Copy', ariaLabel: `Copy ${label}` });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${label} copied`;
    } catch {
      // No clipboard permission: select the text so Ctrl+C copies it.
      getSelection()?.selectAllChildren(code);
      status.textContent = `${label} selected: press Ctrl+C to copy`;
    }
  });
  const download = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: file, textContent: 'Download' });
  return el('div', { className: 'code' }, el('div', { className: 'code-bar' }, el('span', { textContent: label }), el('span', { className: 'pb-actions' }, copy, download)), el('pre', {}, code));
}

function render(): void {
  const servers = slugs.map((s) => loaded.get(s)).filter((s): s is BuilderServer => !!s);
  picked.replaceChildren(...servers.map(serverSection));
  for (const a of output.querySelectorAll<HTMLAnchorElement>('a[download]')) URL.revokeObjectURL(a.href);
  if (!servers.length) {
    output.replaceChildren(el('p', { className: 'muted', textContent: 'Add a server to see its policy.' }));
    return;
  }
  const stack = stackPolicy(
    servers.map((s) => {
      const actions = actionsOf(s);
      return { slug: s.slug, title: s.title, tools: s.tools.map((t): ChosenTool => ({ name: t.name, category: t.category, choice: choiceFor(t, actions.get(t.name)!) })) };
    }),
  );
  // The same checks the build runs on every policy it writes.
  const problems = [...policyJsonProblems(stack.policy), ...stack.intercepts.flatMap((i) => interceptPolicyRuleProblems(i.policy).map((p) => `${i.title}: ${p.message}`))];
  const tools = servers.reduce((n, s) => n + s.tools.length, 0);
  const check = el('p', { className: problems.length ? 'warning' : 'pb-valid', id: 'pb-check' });
  check.textContent = problems.length
    ? `These policies break the gateway rules: ${problems.join('; ')}`
    : `Checked: the policy.json and ${stack.intercepts.length} Intercept file${stack.intercepts.length === 1 ? '' : 's'} follow the gateways' rules (${tools} tools, ${stack.policy.hide?.length ?? 0} hidden).`;
  const clashes = stack.clashes.length
    ? [el('p', { className: 'warning', textContent: `Tool names on more than one server: ${stack.clashes.map((c) => `${c.tool} (${c.servers.join(', ')}; kept ${ACTIONS[actionOf({ kind: c.kept })]})`).join('; ')}. A gateway policy names tools only, so policy.json keeps the stricter choice; the Intercept files keep each server's own.` })]
    : [];
  output.replaceChildren(
    check,
    ...clashes,
    el('h3', { textContent: 'policy.json for the whole stack' }),
    codeBlock('policy.json', JSON.stringify(stack.policy, null, 2) + '\n', 'policy.json', 'application/json'),
    el('h3', { textContent: 'Intercept YAML, one per server' }),
    ...stack.intercepts.map((i) => codeBlock(`${i.title}: Intercept YAML`, i.yaml, `${i.slug}.yaml`, 'application/yaml')),
  );
}

let timer = 0;
query.addEventListener('input', () => {
  clearTimeout(timer);
  timer = window.setTimeout(() => void search(), 120);
});
$('#pb-search').addEventListener('submit', (e) => {
  e.preventDefault();
  void search();
});
root.classList.add('enhanced');
readUrl();
void load();
