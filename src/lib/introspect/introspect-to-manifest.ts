/**
 * The whole `introspect` command minus argument parsing: introspect the
 * server, decide what to do about invalid tools, write the manifest folder.
 *
 * Invalid tools: by default nothing is written and the run fails. Dropping
 * the bad tools would make a risky server look smaller than it is, and
 * writing them would hand ingest a manifest it has to reject anyway. With
 * `keepInvalid`, tools.json is written exactly as served, bad tools included,
 * and the problems are only warnings.
 */
import { join } from 'node:path';
import type { ServerJson } from '../../schemas/server-json.ts';
import { formatToolProblem, type ToolProblem } from './check-tools.ts';
import type { IntrospectCliOptions } from './introspect-cli.ts';
import { IntrospectError } from './introspect-error.ts';
import { introspectServer } from './introspect-server.ts';
import { buildServerJson, manifestSlug, writeManifest } from './manifest.ts';

export interface ManifestRun {
  outDir: string;
  serverJson: ServerJson;
  toolCount: number;
  pages: number;
  problems: ToolProblem[];
  /** The stdio server's pid (already stopped). */
  pid?: number;
}

export interface RunLog {
  warn(line: string): void;
  stderr?(chunk: string): void;
}

type Settings = Omit<IntrospectCliOptions, 'verbose'> & { now?: Date };

export async function introspectToManifest(settings: Settings, log: RunLog): Promise<ManifestRun> {
  const result = await introspectServer(settings.target, { timeoutMs: settings.timeoutMs, echoStderr: log.stderr });

  for (const problem of result.problems) log.warn(`invalid ${formatToolProblem(problem)}`);
  if (result.problems.length && !settings.keepInvalid) {
    const first = result.problems[0]!;
    throw new IntrospectError(
      'invalid-tools',
      `${result.problems.length} of ${result.tools.length} tools are invalid (first: ${formatToolProblem(first)}); ` +
        'nothing written (--keep-invalid writes tools.json as served)',
    );
  }

  const serverJson = buildServerJson(result, settings.target, { name: settings.name, description: settings.description, now: settings.now });
  if (!serverJson.description) log.warn('the server gives no description; pass --description to set one');
  const outDir = settings.outDir ?? join(settings.manifestsDir, manifestSlug(serverJson.name));
  try {
    await writeManifest(outDir, serverJson, result.tools, { force: settings.force });
  } catch (error) {
    if (error instanceof IntrospectError) throw error;
    throw new IntrospectError('output', `could not write ${outDir}: ${(error as Error).message}`, { cause: error });
  }
  return { outDir, serverJson, toolCount: result.tools.length, pages: result.pages, problems: result.problems, pid: result.pid };
}
