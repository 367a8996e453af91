// toolrisk server index search (/index-search/): Pagefind bundle
// /pagefind-index/, one record per server in the index; filters source,
// confidence and whether the catalogue has classified the server's tools.
// Labels and filter values come from facets.json (src/lib/search/labels.ts).
import { el, fetchJson, formatCount, lazyOptions, link, setupSearchPage, snippet } from './search-core.js';

const root = document.getElementById('index-search');
if (root) {
  // Source names and counts, and the licence table for description attribution.
  const facets = fetchJson('/pagefind-index/facets.json').catch((error) => {
    console.error(error);
    return { source: [], licences: {} };
  });
  let licences = {};
  let labels = { confidence: {}, packageType: {}, classified: '' };
  const ready = facets.then((f) => {
    licences = f.licences ?? {};
    labels = { ...labels, ...f.labels };
  });

  const { form } = setupSearchPage({
    root,
    bundle: 'pagefind-index',
    noun: ['server', 'servers'],
    prompt: 'Type a server name, a repository, a package or a topic, for example “postgres”, or pick a filter.',
    ready,
    hasFilters: (s) => s.source.length > 0 || s.confidence.length > 0 || s.classified.length > 0,
    toSearch(s) {
      const filters = {};
      if (s.source.length) filters.source = s.source[0];
      if (s.confidence.length) filters.confidence = { any: s.confidence };
      if (s.classified.length) filters.classified = { any: s.classified };
      return { filters };
    },
    renderItem,
  });
  const select = form.elements.namedItem('source');
  if (select) lazyOptions(select, (f) => f.source.map(([value, n]) => ({ value, label: `${value} (${formatCount(n)})` })), facets);

  function renderItem(d) {
    const meta = d.meta ?? {};
    const f = d.filters ?? {};
    const classified = Boolean(labels.classified) && f.classified?.[0] === labels.classified;
    const home = classified ? d.url : meta.repo ?? meta.website;
    const item = el('li', { class: 'result index-result' });
    item.append(el('h2', { class: 'result-title' }, home ? link(home, meta.title ?? '', classified ? {} : { rel: 'nofollow noopener' }) : meta.title ?? ''));
    if (meta.name) item.append(el('p', { class: 'result-name' }, el('code', {}, meta.name)));
    const ds = f.descSource?.[0];
    // Entries without a description are indexed under their title.
    const hasDescription = Boolean(ds) || d.content !== meta.title;
    item.append(hasDescription
      ? el('p', { class: 'desc' }, snippet(d.content, d.locations, 0))
      : el('p', { class: 'desc muted' }, 'No description in the index.'));

    const facts = el('dl', { class: 'result-facts' });
    const fact = (term, ...value) => facts.append(el('div', {}, el('dt', {}, term), el('dd', {}, ...value)));
    if (meta.repo) fact('Repository', link(meta.repo, meta.repo.replace(/^https?:\/\//, ''), { rel: 'nofollow noopener' }));
    else if (meta.website) fact('Website', link(meta.website, meta.website.replace(/^https?:\/\//, ''), { rel: 'nofollow noopener' }));
    if (meta.packages) {
      const pkgs = meta.packages.split(', ').filter(Boolean).map((p) => {
        const i = p.indexOf(' ');
        const type = p.slice(0, i);
        return el('span', { class: 'pkg' }, `${labels.packageType[type] ?? type} `, el('code', {}, p.slice(i + 1)));
      });
      fact(pkgs.length === 1 ? 'Package' : 'Packages', ...pkgs.flatMap((p, i) => (i ? [' · ', p] : [p])));
    }
    const sources = (f.source ?? []).filter((x) => x !== 'unstated');
    if (sources.length) fact('Listed by', sources.join(', '));
    const confidence = f.confidence?.[0] ?? 'unstated';
    fact('Confidence', labels.confidence[confidence] ?? labels.confidence.unstated ?? confidence);
    if (meta.categories) fact('Categories', meta.categories);
    if (classified) fact('Risk catalogue', link(d.url, 'Tools classified: see how risky they are'));
    item.append(facts);

    if (hasDescription && ds) {
      const credit = el('p', { class: 'attribution' }, `Description from ${ds}.`);
      const licence = licences[ds];
      if (licence) {
        credit.append(' ', licence.attribution, ' ',
          link(licence.sourceUrl, 'Source', { rel: 'noopener' }), ' · ',
          link(licence.licenceUrl, licence.licence, { rel: 'license noopener' }));
      }
      item.append(credit);
    }
    return item;
  }
}
