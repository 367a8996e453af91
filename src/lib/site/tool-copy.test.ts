import { describe, expect, it } from 'vitest';
import { unwrapLines } from './tool-copy.ts';
import { summaryLine } from '../text/display.ts';

describe('a hard-wrapped description is quoted as whole sentences', () => {
  it('a break before a lower-case word inside a sentence is a wrap', () => {
    const d = 'List all apps on the account. Information about the current active\n    deployment is included for\neach app.';
    expect(summaryLine(unwrapLines(d), 180)).toBe('List all apps on the account. Information about the current active deployment is included for each app.');
  });

  it('a break before a new line of its own stays a break', () => {
    const d = 'Delete a checklist.\nArgs:\n  checklist_id: the id';
    expect(summaryLine(unwrapLines(d), 180)).toBe('Delete a checklist.');
    expect(unwrapLines('First line\n- item one\nSecond')).toBe('First line\n- item one\nSecond');
  });
});
