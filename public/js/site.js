// toolrisk: the only script the pages need besides search. Progressive
// enhancement: without it every policy variant is visible and nothing is lost.

// Copy buttons copy the exact text of their code block.
for (const button of document.querySelectorAll('button.copy[data-copy-target]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const target = document.getElementById(button.dataset.copyTarget);
    if (!target) return;
    try {
      await navigator.clipboard.writeText(target.textContent);
      button.textContent = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(target);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      button.textContent = 'Press Ctrl+C';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}

// Tabs (WAI-ARIA tabs pattern): arrows, Home and End move between tabs,
// the selected tab is the only one in the tab order.
for (const root of document.querySelectorAll('[data-tabs]')) {
  const list = root.querySelector('[role="tablist"]');
  const tabs = [...root.querySelectorAll('[role="tab"]')];
  const panels = tabs.map((t) => document.getElementById(t.getAttribute('aria-controls')));
  if (!list || !tabs.length) continue;
  list.hidden = false;
  root.classList.add('enhanced');
  const select = (index, focus) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
    if (focus) tabs[index].focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', (e) => {
      const last = tabs.length - 1;
      const next = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      select(next, true);
    });
  });
  select(0, false);
}

// Sortable, filterable tables (server pages), no framework.
for (const table of document.querySelectorAll('table[data-sortable]')) {
  const body = table.tBodies[0];
  const headers = [...table.querySelectorAll('thead th')];
  headers.forEach((th, col) => {
    if (!th.hasAttribute('data-sort-col')) return;
    // Sorting needs JavaScript, so the header only becomes a button here.
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent.trim();
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const rows = [...body.rows];
      const key = (r) => r.cells[col].dataset.sort ?? r.cells[col].textContent.trim().toLowerCase();
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const n = Number(x) - Number(y);
        const c = Number.isNaN(n) ? (x < y ? -1 : x > y ? 1 : 0) : n;
        return asc ? c : -c;
      });
      body.append(...rows);
    });
  });
}
for (const form of document.querySelectorAll('form[data-filter-table]')) {
  const table = document.getElementById(form.dataset.filterTable);
  const status = form.querySelector('[role="status"]');
  form.hidden = false;
  const apply = () => {
    const text = (form.elements.namedItem('q').value || '').toLowerCase();
    const category = form.elements.namedItem('category').value;
    const severity = form.elements.namedItem('severity').value;
    let shown = 0;
    for (const row of table.tBodies[0].rows) {
      const ok = (!text || row.textContent.toLowerCase().includes(text)) &&
        (!category || row.dataset.category === category) &&
        (!severity || row.dataset.severity === severity);
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (status) status.textContent = `${shown} tool${shown === 1 ? '' : 's'} shown`;
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
}
