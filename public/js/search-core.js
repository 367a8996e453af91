// toolrisk search: the parts both search pages share (tools, server index),
// on Pagefind's JS API. Every record holds third-party text, so it only
// reaches the page through text nodes built here: never innerHTML, never
// Pagefind's HTML excerpt. Highlights are rebuilt from the raw content and
// the matched word positions Pagefind returns, as <mark> elements.

/**
 * Loads one Pagefind bundle (/pagefind-tools/ or /pagefind-index/) and
 * starts fetching its metadata and WebAssembly at once, so the first query
 * only waits for its own index chunks. Pagefind runs on the main thread: its
 * web worker would cost another 43 KB script and a second copy of the
 * WebAssembly for searches that take a few milliseconds.
 */
export async function loadPagefind(bundle) {
  const base = `/${bundle}/`;
  const pagefind = await import(`${base}pagefind.js`);
  await pagefind.options({ basePath: base, noWorker: true, excerptLength: 0 });
  await pagefind.init();
  // An empty search downloads nothing but sets up what every search needs
  // (the text segmenter, the WebAssembly entry points): 5-45 ms the first
  // query would otherwise spend before it even asks for its index chunks.
  await pagefind.search('');
  // The same for the Unicode-class regular expressions missesIndex uses
  // (5-10 ms to compile on first use).
  missesIndex('warm up', {}, { content: 'warm up', locations: [0] });
  return pagefind;
}

export async function fetchJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/** Creates an element; string children become text nodes, never markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Only http(s) URLs and our own absolute paths become links. */
export function safeHref(value) {
  if (typeof value !== 'string') return null;
  if (/^\/(?!\/)/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link when the URL is safe, plain text otherwise. */
export function link(href, text, attrs = {}) {
  const safe = safeHref(href);
  return safe ? el('a', { href: safe, ...attrs }, text) : el('span', {}, text);
}

// Pagefind reports matches as positions in the content split on whitespace
// (not U+FEFF), after removing U+200B: the same split gives the same words.
const WORDS = /[^\S\uFEFF]+/;

/**
 * The snippet of a result as DOM: up to `max` words of the content around
 * the densest run of matches (from the start when nothing in the content
 * matched), matched words in <mark>, at most `maxChars` characters.
 * `max` 0 shows the whole content. The first `skip` words are never shown
 * (a tool record's content starts with its name's words; see records.ts).
 */
export function snippet(content, locations, max = 32, maxChars = 320, skip = 0) {
  const words = String(content ?? '').replace(/\u200B/g, '').split(WORDS);
  skip = Number.isInteger(skip) && skip > 0 && skip < words.length ? skip : 0;
  const hits = new Set((locations ?? []).filter((n) => Number.isInteger(n) && n >= skip && n < words.length));
  let start = skip;
  if (max > 0 && words.length > max && hits.size) {
    const sorted = [...hits].sort((a, b) => a - b);
    let best = sorted[0], bestCount = 0;
    for (const h of sorted) {
      const count = sorted.filter((x) => x >= h && x < h + max).length;
      if (count > bestCount) { best = h; bestCount = count; }
    }
    start = Math.max(skip, Math.min(best - 4, words.length - max));
  }
  const end = max > 0 ? Math.min(words.length, start + max) : words.length;
  const frag = document.createDocumentFragment();
  if (start > skip) frag.append('… ');
  // Text without spaces (Chinese, Japanese) is one long "word": cap by characters too.
  let chars = 0;
  let cut = end < words.length;
  for (let i = start; i < end; i++) {
    let word = words[i];
    if (max > 0 && chars + word.length > maxChars) {
      word = word.slice(0, Math.max(0, maxChars - chars)).replace(/[\uD800-\uDBFF]$/, '');
      cut = true;
    }
    if (i > start) frag.append(' ');
    if (word) frag.append(hits.has(i) ? el('mark', {}, word) : word);
    chars += word.length + 1;
    if (max > 0 && chars >= maxChars) break;
  }
  if (cut) frag.append(' …');
  frag.normalize();
  return frag;
}

/**
 * Pagefind answers a word it does not have with its longest indexed prefix
 * ("nonexistent" finds "none", "xylophone" finds "xy"), so a query with no
 * real match still returns results. Results are ranked and the fallback is
 * per word, so looking at the top result tells: a query word that none of
 * its matched words (in the content or the matched meta fields) contains,
 * at least the first half of it, is not in the index, and nothing matches.
 */
export function missesIndex(query, result, data) {
  const terms = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!terms.length) return false;
  const contentWords = String(data.content ?? '').replace(/\u200B/g, '').split(WORDS);
  const matched = (data.locations ?? []).map((i) => contentWords[i] ?? '');
  for (const field of result.matchedMetaFields ?? []) matched.push(...String(data.meta?.[field] ?? '').split(/\s+/));
  const squashed = matched.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
  return terms.some((t) => {
    const core = t.slice(0, Math.max(3, Math.ceil(t.length / 2)));
    return !squashed.some((w) => w.includes(core));
  });
}

/**
 * Pagefind drops punctuation inside a query word, so a pasted URL, package
 * or path ("@scope/mcp-server", "github.com/owner/repo") would become one
 * long word that nothing was indexed under. Such queries are searched as
 * their parts instead (all of them must match), which Pagefind does index.
 */
export function searchTerm(query) {
  if (!/[/@]/.test(query)) return query;
  return query.replace(/^\s*(https?:\/\/)?(www\.)?/i, '').replace(/[^\p{L}\p{N}_\s]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * 12345 -> "12,345". Not toLocaleString: its first call loads the
 * browser's number-formatting data, 30 ms measured, on the first query's path.
 */
export const formatCount = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const plural = (n, one, many) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Lets the browser draw and run observers before more work in the same task. */
const nextTask = () => new Promise((resolve) => {
  // A message, not setTimeout: timers in background tabs wait up to a second.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve();
  channel.port2.postMessage(null);
});

/**
 * Wires a search page: the GET form (query box plus native checkboxes and
 * selects) is the state; the URL mirrors it, so a search can be bookmarked,
 * shared and walked back. Options:
 *   root, bundle
 *   toSearch(state) -> { filters, groups } for Pagefind: with groups (a list
 *     of filter sets), one search per group, results concatenated in order
 *   hasFilters(state) -> boolean
 *   renderItem(fragmentData) -> Element
 *   noun: ['tool', 'tools'], prompt: text shown before any query
 *   ready: promise to wait for before searching (e.g. labels, licence data)
 */
export function setupSearchPage(options) {
  const { root, bundle, toSearch, hasFilters, renderItem, noun, prompt } = options;
  const PAGE = options.pageSize ?? 20;
  const FIRST_SCREEN = Math.min(10, PAGE);
  const pagefind = loadPagefind(bundle);
  const form = root.querySelector('form');
  const input = form.elements.namedItem('q');
  const status = root.querySelector('.search-status');
  const list = root.querySelector('.results');
  const more = root.querySelector('button.more');
  const names = [...new Set([...form.elements].filter((e) => e.name && e.name !== 'q').map((e) => e.name))];

  const readForm = () => {
    const data = new FormData(form);
    const state = { q: String(data.get('q') ?? '').trim() };
    for (const name of names) state[name] = data.getAll(name).map(String).filter(Boolean);
    return state;
  };

  const writeForm = (params) => {
    input.value = params.get('q') ?? '';
    for (const e of form.elements) {
      if (!e.name || e.name === 'q') continue;
      const wanted = params.getAll(e.name);
      if (e.type === 'checkbox') e.checked = wanted.includes(e.value);
      else if (e.tagName === 'SELECT') {
        const value = wanted[0] ?? '';
        // A value asked for before the list of options has arrived.
        if (value && ![...e.options].some((o) => o.value === value)) e.append(el('option', { value }, value));
        e.value = value;
      }
    }
  };

  const writeUrl = (state, push) => {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const name of names) for (const v of state[name]) params.append(name, v);
    const qs = params.toString();
    const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  let seq = 0;
  let current = [];
  let shown = 0;

  /**
   * Shows the next page of results. `loaded` holds data already fetched
   * for the first of them: those go on the page at once, before the
   * fetches for the rest are even started (each costs the main thread a
   * little), which is what makes the first result appear sooner.
   */
  async function showMore(mine, loaded = []) {
    const batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = true;
    await options.ready;
    if (mine !== seq) return;
    const ready = loaded.slice(0, batch.length);
    for (const data of ready) list.append(renderItem(data));
    // Twenty fetches take the main thread tens of milliseconds to start:
    // show what is ready first.
    if (ready.length) await nextTask();
    if (mine !== seq) return;
    const pending = batch.slice(ready.length).map((r) => r.data());
    // In order, each as soon as it (and those before it) arrived.
    for (const p of pending) {
      const data = await p;
      if (mine !== seq) return;
      list.append(renderItem(data));
    }
    more.hidden = shown >= current.length;
  }

  async function run(state) {
    const mine = ++seq;
    try {
      const filtered = hasFilters(state);
      if (!state.q && !filtered) {
        current = [];
        list.replaceChildren();
        more.hidden = true;
        status.textContent = prompt;
        return;
      }
      // toSearch may read what `ready` loads (the severity order); both load while Pagefind does.
      const [pf] = await Promise.all([pagefind, options.ready]);
      if (mine !== seq) return;
      const { filters, groups } = toSearch(state);
      // No words but a filter: list everything the filter selects.
      const term = state.q ? searchTerm(state.q) : null;
      const sets = groups?.length ? groups.map((g) => ({ ...filters, ...g })) : [filters];
      const responses = await Promise.all(sets.map((f) => pf.search(term, { filters: f })));
      if (mine !== seq) return;
      current = responses.flatMap((r) => r.results);
      // The first screen's fragments load together with the first result's
      // rather than after it is drawn (Pagefind caches them, so showMore
      // reuses these): ten results on screen sooner, the first one as soon.
      for (const r of current.slice(1, FIRST_SCREEN)) r.data().catch(() => {});
      shown = 0;
      list.replaceChildren();
      more.hidden = true;
      const what = state.q ? ` for “${state.q}”` : '';
      const loaded = [];
      if (current.length && state.q) {
        const first = current[0];
        const data = await first.data();
        if (mine !== seq) return;
        if (missesIndex(term, first, data)) current = [];
        else loaded.push(data);
      }
      if (!current.length) {
        status.textContent = `No ${noun[1]} match${what}${filtered ? ' with these filters' : ''}.`;
        return;
      }
      status.textContent = `${plural(current.length, noun[0], noun[1])} ${current.length === 1 ? 'matches' : 'match'}${what}${filtered ? ' with these filters' : ''}.`;
      await showMore(mine, loaded);
    } catch (error) {
      if (mine !== seq) return;
      status.textContent = 'Search could not load. Please try again.';
      console.error(error);
    }
  }

  more.addEventListener('click', () => {
    const mine = seq;
    showMore(mine);
  });
  form.addEventListener('input', () => {
    const state = readForm();
    writeUrl(state, false);
    run(state);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const state = readForm();
    writeUrl(state, true);
    run(state);
  });
  addEventListener('popstate', () => {
    writeForm(new URLSearchParams(location.search));
    run(readForm());
  });

  writeForm(new URLSearchParams(location.search));
  run(readForm());
  return { form, pagefind };
}

/**
 * Fills a <select data-options> from JSON when it is first needed: when it
 * gets focus or a pointer, or at once when the URL already picked a value.
 * `toOptions(json)` returns [{ value, label }].
 */
export function lazyOptions(select, toOptions, loaded) {
  let promise = null;
  const load = () => {
    promise ??= (loaded ?? fetchJson(select.dataset.options)).then((json) => {
      const chosen = select.value;
      const options = toOptions(json).map((o) => el('option', { value: o.value }, o.label));
      select.replaceChildren(select.options[0], ...options);
      select.value = chosen;
    }).catch((error) => {
      promise = null;
      console.error(error);
    });
    return promise;
  };
  for (const type of ['focus', 'pointerdown']) select.addEventListener(type, load, { once: true });
  if (select.value || loaded) load();
}
