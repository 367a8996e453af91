/**
 * Minifies the hand-written scripts copied from public/js into dist/js
 * (Astro copies public/ as is). Keeps every page's own JavaScript, Pagefind
 * aside, under the 10 KB budget while the sources stay readable.
 * esbuild: the minifier Vite and Astro already use.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

export function minifyScripts(dir: string): string {
  if (!existsSync(dir)) return 'no scripts';
  let before = 0;
  let after = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.js'))) {
    const file = join(dir, f);
    const src = readFileSync(file, 'utf8');
    const out = transformSync(src, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).code;
    writeFileSync(file, out);
    before += src.length;
    after += out.length;
  }
  return `scripts minified ${Math.round(before / 1024)} KB -> ${Math.round(after / 1024)} KB`;
}
