/**
 * npm run lexicon:gaps [-- --data <dir>] [--top N]
 * Lists the leading words of tool names in which the verb lexicon knows no
 * action, most frequent first, with WordNet's part of speech, so the lexicon is grown
 * from the data (see src/lib/classify/lexicon-gaps.ts).
 */
import { loadConfig, parseArgsOrExit } from '../src/lib/config.ts';
import { groupBy } from '../src/lib/group.ts';
import { readSources } from '../src/lib/ingest/read-sources.ts';
import { lexiconGaps } from '../src/lib/classify/lexicon-gaps.ts';
import { loadRules } from '../src/lib/rules/load-rules.ts';
import { printable } from '../src/lib/text/terminal.ts';

const { values } = parseArgsOrExit({
  name: 'lexicon-gaps',
  usage: `Usage: npm run lexicon:gaps -- [--data DIR] [--top N]

Options:
  --data DIR   input data folder (env CATALOGUE_DATA; default ../shared/data)
  --top N      how many words to list (default 60)
  -h, --help   show this help`,
  options: { data: { type: 'string' }, top: { type: 'string' } },
});
const top = Number(values.top ?? 60);
const { dataDir } = loadConfig(values);

// Raw definitions are enough: the gaps are about names, not judgements, and
// the same server read from two sources lists its names under one key.
const { servers } = readSources(dataDir);
const names = new Map<string, string[]>();
for (const [server, copies] of groupBy(servers, (s) => s.meta.name.toLowerCase())) {
  names.set(server, [...new Set(copies.flatMap((s) => s.tools.map((t) => t.name)))]);
}
const gaps = lexiconGaps(names, loadRules());
const toolCount = [...names.values()].reduce((n, list) => n + list.length, 0);
console.log(`lexicon-gaps: ${gaps.length} words lead ${gaps.reduce((n, g) => n + g.tools, 0)} of ${toolCount} tool names with no action word the lexicon knows; the ${Math.min(top, gaps.length)} most frequent:`);
console.log(`${'word'.padEnd(18)}${'tools'.padStart(6)}  ${'wordnet'.padEnd(10)}examples`);
for (const g of gaps.slice(0, top)) {
  console.log(`${printable(g.word).padEnd(18)}${String(g.tools).padStart(6)}  ${(g.wordnet || '-').padEnd(10)}${g.examples.map(printable).join(', ')}`);
}
