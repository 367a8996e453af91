/**
 * Definition drift on the pages: building v2 of the drift fixture with v1 as
 * the previous snapshot shows a "changed since" note on changed and added
 * tools, and none on unchanged ones; every page shows its fingerprint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/lib/config.ts';
import { readCatalogueTools } from '../../src/lib/site/read-catalogue.ts';
import type { CatalogueTool } from '../../src/schemas/catalogue.ts';
import { buildSite, type BuiltSite } from './build-site.ts';
import { decodeEntities } from './html.ts';

let site: BuiltSite;
let tools: CatalogueTool[];
const fixtures = join(REPO_ROOT, 'tests', 'fixtures', 'drift');

beforeAll(() => {
  site = buildSite('drift', join(fixtures, 'v2'), { previous: join(fixtures, 'v1') });
  tools = readCatalogueTools(site.catalogue);
});

const page = (name: string, server = 'io.github.acme/files') => {
  const t = tools.find((x) => x.name === name && x.server === server)!;
  return { t, html: readFileSync(join(site.dist, 'tools', t.serverSlug, t.slug, 'index.html'), 'utf8') };
};

describe('changed-since notes', () => {
  it('says what changed on a tool whose description changed', () => {
    const { t, html } = page('list_directory');
    expect(t.drift?.status).toBe('changed');
    const note = decodeEntities(html.match(/<p class="drift"[^>]*>([\s\S]*?)<\/p>/)![1]!);
    expect(note).toContain('Changed since the previous snapshot');
    expect(note).toMatch(/description/);
  });

  it('names an added parameter and a flipped annotation', () => {
    expect(page('write_file').t.drift?.summary).toMatch(/append/);
    expect(page('delete_file').t.drift?.summary).toMatch(/destructiveHint/);
  });

  it('marks an added tool as new and leaves unchanged tools alone', () => {
    expect(page('search').html).toContain('New since the previous snapshot.');
    expect(page('read_file').html).not.toContain('class="drift"');
    expect(page('create_note', 'io.github.acme/notes').html).not.toContain('class="drift"');
  });

  it('shows the definition fingerprint on every page', () => {
    for (const t of tools) {
      const html = readFileSync(join(site.dist, 'tools', t.serverSlug, t.slug, 'index.html'), 'utf8');
      expect(html).toContain(`<code class="hash" id="fingerprint">${t.definitionHash}</code>`);
    }
  });
});
