/**
 * Bundles the page scripts written in TypeScript (src/client/) into
 * dist/js/, minified. The policy builder imports the build's own policy
 * modules, so the browser writes and checks policies with the same code as
 * the build. esbuild: the bundler Vite and Astro already use.
 */
import { buildSync } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.ts';

export const CLIENT_ENTRIES = ['policy-builder'] as const;

export function bundleClientScripts(dist: string): string {
  const sizes: string[] = [];
  for (const entry of CLIENT_ENTRIES) {
    const outfile = join(dist, 'js', `${entry}.js`);
    buildSync({
      entryPoints: [join(REPO_ROOT, 'src', 'client', `${entry}.ts`)],
      outfile,
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      legalComments: 'none',
      logLevel: 'error',
    });
    sizes.push(`${entry}.js ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
  }
  return `bundled ${sizes.join(', ')}`;
}
