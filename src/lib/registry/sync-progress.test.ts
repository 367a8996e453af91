import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatSummary } from './sync-progress.ts';
import type { SyncCounts } from './sync-index.ts';

const counts: SyncCounts = { pages: 2, seen: 7, added: 3, changed: 1, unchanged: 2, invalid: 1, skippedNotLatest: 0, skippedDeleted: 0 };
const page = { number: 2, url: 'http://127.0.0.1/v0.1/servers', servers: [1, 2, 3] };

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } };
}

describe('createProgressReporter', () => {
  it('redraws one status line in place on a terminal, and keeps warnings on their own lines', () => {
    const { chunks, stream } = recorder(true);
    const reporter = createProgressReporter(stream);
    reporter.page!({ ...page, number: 1 }, counts);
    reporter.page!(page, counts);
    reporter.invalid!({ page: 2, position: 0, name: 'a/b', problem: 'bad' });
    reporter.finish();
    const output = chunks.join('');
    expect(output).toMatch(/^index:sync \[.*█.*\] 2 pages, 7 servers seen/);
    expect(output).toContain('\r\x1b[K'); // cleared before each redraw
    expect(output).toContain('\r\x1b[Kindex:sync: page 2, server #1 "a/b" skipped: bad\nindex:sync [');
    expect(output.endsWith('\r\x1b[K')).toBe(true); // finish() leaves a clean line for the summary
  });

  it('writes one plain line per page elsewhere', () => {
    const { chunks, stream } = recorder(false);
    const reporter = createProgressReporter(stream);
    reporter.page!(page, counts);
    reporter.finish();
    expect(chunks).toEqual([
      'index:sync: page 2 fetched (3 servers); 2 pages, 7 servers seen, 3 added, 1 changed, 2 unchanged, 1 invalid\n',
    ]);
  });
});

describe('formatSummary', () => {
  it('says whether the file was written', () => {
    expect(formatSummary({ ...counts, outFile: '/x', written: true })).toMatch(/; wrote \/x$/);
    expect(formatSummary({ ...counts, outFile: '/x', written: false })).toMatch(/; \/x NOT written$/);
    expect(formatSummary({ ...counts, added: 0, changed: 0, outFile: '/x', written: false })).toMatch(/nothing new/);
  });
});
