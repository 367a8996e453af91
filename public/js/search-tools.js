// toolrisk tool search (/search/): Pagefind bundle /pagefind-tools/, one
// record per tool page, filters server/category/severity. "Highest risk
// first" is one search per severity, most severe first, so each group
// keeps Pagefind's best-match order (a Pagefind sort would drop it, and
// cost every first query its page list; see build-indexes.ts). The form in
// search.astro holds the state (see search-core.js). The badge's classes
// and text and the severity order come from labels.json
// (src/lib/search/labels.ts), as RiskBadge.astro draws them.
import { el, fetchJson, lazyOptions, link, setupSearchPage, snippet } from './search-core.js';

const root = document.getElementById('tool-search');
if (root) {
  let labels = { badge: { class: 'badge', category: {}, severity: {} }, severityOrder: [] };
  const ready = fetchJson('/pagefind-tools/labels.json').then((l) => { labels = l; }).catch((error) => console.error(error));

  const badge = (category, severity) => {
    const c = labels.badge.category[category] ?? { label: category, class: '' };
    const s = labels.badge.severity[severity] ?? { label: severity, class: '' };
    return el('span', { class: [labels.badge.class, c.class, s.class].filter(Boolean).join(' ') },
      el('span', { class: 'badge-cat' }, c.label), el('span', { class: 'badge-sev' }, s.label));
  };

  const { form } = setupSearchPage({
    root,
    bundle: 'pagefind-tools',
    noun: ['tool', 'tools'],
    prompt: 'Type a tool name, a server or what the tool does, for example “cancel all orders”, or pick a filter.',
    ready,
    hasFilters: (s) => s.category.length > 0 || s.severity.length > 0 || s.server.length > 0,
    toSearch(s) {
      const filters = {};
      if (s.category.length) filters.category = { any: s.category };
      if (s.severity.length) filters.severity = { any: s.severity };
      if (s.server.length) filters.server = s.server[0];
      if (s.sort[0] !== 'risk') return { filters };
      const wanted = labels.severityOrder.filter((v) => !s.severity.length || s.severity.includes(v));
      return { filters, groups: wanted.map((severity) => ({ severity })) };
    },
    renderItem(d) {
      const category = d.filters?.category?.[0] ?? '';
      const severity = d.filters?.severity?.[0] ?? '';
      return el('li', { class: 'result' },
        el('div', { class: 'result-head' },
          link(d.url, el('code', {}, d.meta?.title ?? ''), { class: 'result-title' }),
          badge(category, severity),
          el('span', { class: 'result-server' }, 'on ', d.meta?.server ?? '')),
        el('p', { class: 'desc' }, snippet(d.content, d.locations, 36, 320, Number(d.meta?.words ?? 0))));
    },
  });
  // The server list (hundreds of names) only loads when the select is used.
  const select = form.elements.namedItem('server');
  if (select) lazyOptions(select, (servers) => servers.map(([value, label, count]) => ({ value, label: `${label} (${count})` })));
}
