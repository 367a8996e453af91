/**
 * Progress output for `index:sync` on stderr.
 *
 * On a terminal: one status line redrawn in place (the registry gives no
 * total, so it shows a moving bar and running counts, not a percentage).
 * Anywhere else (CI logs, pipes): one plain line per page, which stays
 * readable in a log file. Warnings always get a line of their own.
 */
import type { SyncCounts, SyncReporter, SyncSummary } from './sync-index.ts';

interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 12;

export function createProgressReporter(stream: ProgressStream): SyncReporter & { finish(): void } {
  const tty = Boolean(stream.isTTY);
  let statusLine = '';

  const clear = (): void => {
    if (tty && statusLine) stream.write('\r\x1b[K');
  };
  const redraw = (): void => {
    if (tty && statusLine) stream.write(statusLine);
  };
  const note = (text: string): void => {
    clear();
    stream.write(`${text}\n`);
    redraw();
  };

  return {
    page(page, counts) {
      if (tty) {
        clear();
        statusLine = `index:sync ${movingBar(page.number)} ${describeCounts(counts)}`;
        redraw();
      } else {
        stream.write(`index:sync: page ${page.number} fetched (${page.servers.length} servers); ${describeCounts(counts)}\n`);
      }
    },
    invalid(info) {
      note(`index:sync: page ${info.page}, server #${info.position + 1} "${info.name}" skipped: ${info.problem}`);
    },
    retry(info) {
      note(`index:sync: ${info.url}: ${info.reason}; retry ${info.attempt} in ${info.delayMs} ms`);
    },
    finish() {
      clear();
      statusLine = '';
    },
  };
}

/** A block that walks along the bar, one step per page. */
function movingBar(step: number): string {
  const position = step % (BAR_WIDTH * 2 - 2);
  const at = position < BAR_WIDTH ? position : BAR_WIDTH * 2 - 2 - position;
  return `[${' '.repeat(at)}█${' '.repeat(BAR_WIDTH - 1 - at)}]`;
}

function describeCounts(counts: SyncCounts): string {
  return `${counts.pages} pages, ${counts.seen} servers seen, ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.invalid} invalid`;
}

/** The final report, one line. */
export function formatSummary(summary: SyncSummary): string {
  const skipped = summary.skippedNotLatest + summary.skippedDeleted;
  const skippedText = skipped
    ? `, ${skipped} skipped (${summary.skippedNotLatest} not latest, ${summary.skippedDeleted} deleted)`
    : '';
  const nothingNew = summary.added === 0 && summary.changed === 0;
  const fileText = summary.written
    ? `wrote ${summary.outFile}`
    : nothingNew
      ? `${summary.outFile} left as it was (nothing new)`
      : `${summary.outFile} NOT written`;
  return `index:sync: ${describeCounts(summary)}${skippedText}; ${fileText}`;
}
