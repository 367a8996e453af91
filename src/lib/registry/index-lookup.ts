/**
 * Finds the index entry a registry server belongs to.
 *
 * The index is keyed by `name`, but the index builder named servers with a
 * known repository after the repository (`io.github.<owner>/<repo>`) and kept
 * the registry's own name in `_meta.catalogue.registryNames` (about a third of
 * the official-registry entries). Looking up by name alone would duplicate all
 * of those, so the lookup tries, in order:
 *   1. an entry that already lists the registry name in `registryNames`;
 *   2. an entry whose `name` is the registry name;
 *   3. an entry named after the server's repository, but only if no other
 *      registry server has claimed it yet (two registry servers sharing one
 *      repository stay two entries instead of overwriting each other).
 * A server found by none of these becomes a new entry under its registry name.
 */
import type { ServerJson } from '../../schemas/server-json.ts';
import type { IndexRecord } from './index-file.ts';
import { repositoryIndexName } from './merge-registry-server.ts';

export class IndexLookup {
  private readonly byName = new Map<string, IndexRecord>();
  private readonly byRegistryName = new Map<string, IndexRecord>();

  constructor(records: Iterable<IndexRecord>) {
    for (const record of records) this.remember(record);
  }

  find(server: ServerJson): IndexRecord | undefined {
    const aliased = this.byRegistryName.get(server.name) ?? this.byName.get(server.name);
    if (aliased) return aliased;
    const repoName = repositoryIndexName(server.repository);
    const byRepository = repoName ? this.byName.get(repoName) : undefined;
    if (byRepository && !byRepository.value._meta?.catalogue?.registryNames?.length) return byRepository;
    return undefined;
  }

  /** Call for new records and after a record's value changed. */
  remember(record: IndexRecord): void {
    this.byName.set(record.value.name, record);
    for (const registryName of record.value._meta?.catalogue?.registryNames ?? []) {
      if (!this.byRegistryName.has(registryName)) this.byRegistryName.set(registryName, record);
    }
  }
}
