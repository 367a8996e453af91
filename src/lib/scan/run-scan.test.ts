/**
 * runScan over Streamable HTTP: a configured URL with a query token and an
 * Authorization header reaches the server, and neither appears in the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPagedToolsServer, PAGE_1, PAGE_2 } from '../../../tests/fixtures/mcp-servers/paged-tools-server.ts';
import { serveOverHttp, type HttpFixture } from '../../../tests/fixtures/mcp-servers/http-fixture.ts';
import { runScan } from './run-scan.ts';

let dir: string;
let http: HttpFixture;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'run-scan-'));
  http = await serveOverHttp(createPagedToolsServer);
});
afterAll(async () => {
  await http.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runScan', () => {
  it('scans a Streamable HTTP server with the configured headers and keeps them out of the report', async () => {
    const config = join(dir, 'mcp.json');
    writeFileSync(
      config,
      JSON.stringify({
        mcpServers: {
          files: { url: `${http.url}?api_key=query-token-0042`, headers: { Authorization: 'Bearer header-token-0042' } },
          again: { url: `${http.url}?api_key=query-token-0042`, headers: { Authorization: 'Bearer header-token-0042' } },
        },
      }),
    );

    const run = await runScan({ places: { home: dir, project: dir, env: {} }, configs: [config], catalogueDir: join(dir, 'no-catalogue'), timeoutMs: 10_000, failOn: ['high'] });

    expect(http.requestHeaders.some((h) => h.authorization === 'Bearer header-token-0042')).toBe(true);
    const [files, again] = run.report.servers;
    expect(files).toMatchObject({ status: 'ok', transport: 'http', target: http.url, headerNames: ['Authorization'] });
    expect(files!.tools.map((t) => t.name)).toEqual([...PAGE_1, ...PAGE_2].map((t) => t.name));
    expect(files!.tools.find((t) => t.name === 'delete_file')).toMatchObject({ category: 'Destructive' });
    // The same URL twice is introspected once and judged once.
    expect(again).toMatchObject({ status: 'ok', sameAs: files!.id });
    expect(run.report.findings).toEqual([]);
    expect(run.report.catalogue.available).toBe(false);
    const written = JSON.stringify([run.report, run.policy, run.intercepts]);
    expect(written).not.toContain('header-token-0042');
    expect(written).not.toContain('query-token-0042');
  });
});
