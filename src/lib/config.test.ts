import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_CATALOGUE_DIR, DEFAULT_DATA_DIR, DEFAULT_DIST_DIR, DEFAULT_SITE_URL, formatZodError, loadConfig, parseArgs, parseWithFriendlyErrors, REPO_ROOT, UsageError, zodProblems } from './config.ts';

describe('loadConfig', () => {
  it('takes each setting from its flag, then its environment variable, then its default', () => {
    expect(loadConfig({ data: '/tmp/a' }, { CATALOGUE_DATA: '/tmp/b' }).dataDir).toBe('/tmp/a');
    expect(loadConfig({}, { CATALOGUE_DATA: '/tmp/b' }).dataDir).toBe('/tmp/b');
    expect(loadConfig({}, {}).dataDir).toBe(DEFAULT_DATA_DIR);
    expect(DEFAULT_DATA_DIR).toBe(join(REPO_ROOT, '..', 'shared', 'data'));
    expect(loadConfig({ out: '/o' }, { CATALOGUE_OUT: '/p' }).catalogueDir).toBe('/o');
    expect(loadConfig({}, { CATALOGUE_OUT: '/p' }).catalogueDir).toBe('/p');
    expect(loadConfig({}, {}).catalogueDir).toBe(DEFAULT_CATALOGUE_DIR);
    expect(loadConfig({ dist: '/d' }, { DIST_DIR: '/e' }).distDir).toBe('/d');
    expect(loadConfig({}, {}).distDir).toBe(DEFAULT_DIST_DIR);
    expect(loadConfig({}, {}).siteUrl).toBe(DEFAULT_SITE_URL);
    expect(loadConfig({}, { SITE_URL: 'https://example.org' }).siteUrl).toBe('https://example.org');
  });

  it('takes --previous over CATALOGUE_PREVIOUS, resolved to an absolute path, and leaves it out without either', () => {
    expect(loadConfig({ previous: '/snap/a' }, { CATALOGUE_PREVIOUS: '/snap/b' }).previousDir).toBe('/snap/a');
    expect(loadConfig({}, { CATALOGUE_PREVIOUS: '/snap/b' }).previousDir).toBe('/snap/b');
    expect(loadConfig({}, { CATALOGUE_PREVIOUS: 'rel' }).previousDir).toBe(join(process.cwd(), 'rel'));
    expect(loadConfig({}, {}).previousDir).toBeUndefined();
  });
});

describe('parseArgs', () => {
  const spec = { name: 't', usage: 'Usage: t [--data DIR] [--strict]', options: { data: { type: 'string' }, strict: { type: 'boolean' } } } as const;

  it('reads declared flags in both spellings', () => {
    expect(parseArgs(spec, ['--data', '/x', '--strict']).values).toEqual({ data: '/x', strict: true });
    expect(parseArgs(spec, ['--data=/y']).values).toEqual({ data: '/y' });
  });

  it('rejects a mistyped flag, a missing value and a stray word', () => {
    expect(() => parseArgs(spec, ['--dat', '/x'])).toThrow(UsageError);
    expect(() => parseArgs(spec, ['--dat', '/x'])).toThrow(/Unknown option '--dat'/);
    expect(() => parseArgs(spec, ['--data'])).toThrow(UsageError);
    expect(() => parseArgs(spec, ['extra'])).toThrow(UsageError);
  });
});

describe('every script', () => {
  // Scripts that build or serve run a long time when a flag is accepted; a
  // mistyped flag must stop them before they start.
  const scripts = readdirSync(join(REPO_ROOT, 'scripts')).filter((f) => f.endsWith('.ts'));

  it.each(scripts)('%s exits 2 with its usage line on a mistyped flag', (script) => {
    const r = spawnSync(process.execPath, [join('scripts', script), '--no-such-flag'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--no-such-flag/);
    expect(r.stderr).toMatch(/Usage:/);
  });
});

describe('zod problems', () => {
  const schema = z.object({ name: z.string(), tools: z.array(z.object({ name: z.string() })) });

  it('words every problem as path: message, the message alone for the whole value', () => {
    const bad = schema.safeParse({ name: 1, tools: [{}] });
    expect(bad.success).toBe(false);
    const lines = zodProblems(bad.error!);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^name: /);
    expect(lines[1]).toMatch(/^tools\.0\.name: /);
    expect(formatZodError(bad.error!, 1)).toBe(lines[0]);
    const whole = schema.safeParse('x').error!;
    expect(zodProblems(whole)).toEqual([whole.issues[0]!.message]);
  });

  it('parseWithFriendlyErrors names where the input came from', () => {
    expect(() => parseWithFriendlyErrors(schema, {}, 'catalogue/x.yaml')).toThrow(/^catalogue\/x\.yaml: name: /);
    expect(parseWithFriendlyErrors(schema, { name: 'a', tools: [] }, 'x')).toEqual({ name: 'a', tools: [] });
  });
});
