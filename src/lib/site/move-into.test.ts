import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeInto, replaceWith } from './move-into.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function tree(base: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, '..'), { recursive: true });
    writeFileSync(join(base, path), text);
  }
}

describe('moving staged output into dist', () => {
  it('merges folders, moves new files in, and never replaces a page that is already there', () => {
    root = mkdtempSync(join(tmpdir(), 'toolrisk-move-'));
    tree(join(root, 'dist'), { 'servers/a/index.html': 'page', 'index.html': 'home' });
    tree(join(root, 'staged'), { 'servers/a/index.html': 'redirect', 'servers/old/index.html': 'redirect', 'api/tools.json': '[]' });
    expect(mergeInto(join(root, 'staged'), join(root, 'dist'))).toBe(2);
    expect(readFileSync(join(root, 'dist/servers/a/index.html'), 'utf8')).toBe('page');
    expect(readFileSync(join(root, 'dist/servers/old/index.html'), 'utf8')).toBe('redirect');
    expect(readFileSync(join(root, 'dist/api/tools.json'), 'utf8')).toBe('[]');
  });

  it('replaces a whole bundle folder', () => {
    root = mkdtempSync(join(tmpdir(), 'toolrisk-move-'));
    tree(join(root, 'dist'), { 'bundle/old.txt': 'old' });
    tree(join(root, 'staged'), { 'bundle/new.txt': 'new' });
    replaceWith(join(root, 'staged/bundle'), join(root, 'dist/bundle'));
    expect(readFileSync(join(root, 'dist/bundle/new.txt'), 'utf8')).toBe('new');
    expect(() => readFileSync(join(root, 'dist/bundle/old.txt'))).toThrow();
  });
});
