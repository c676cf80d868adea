/**
 * Dataset versions (数据集版本): the content sha256 of each dataset, memoized, for result-cache keys.
 * Looking the hash up in DuckDB on every request would cost a store round trip (serialized with every
 * other store call) per request; a dataset's content changes only through an import, replace or
 * delete, and whoever does that calls `invalidate(id)`.
 *
 * Only found hashes are kept (an unknown id is looked up again next time, so a later import of that
 * id needs no invalidation to be seen), so memory is bounded by the number of stored datasets.
 * Concurrent lookups of one id share one store call; a lookup that was running when its id was
 * invalidated answers its caller but is not kept.
 */

import { DatasetNotFoundError } from "./errors.js";
import type { DatasetVersion } from "./result-cache.js";

/** Where hashes come from, e.g. `{ getDatasetSha256: async (id) => (await store.getDataset(id))?.contentSha256 }`. */
export interface DatasetVersionSource {
  /** the sha256 of the dataset's stored content, or undefined when no dataset has that id */
  getDatasetSha256(id: string): Promise<string | undefined>;
}

export interface DatasetVersions {
  /** the content sha256 of a dataset, or undefined when it does not exist */
  sha256(id: string): Promise<string | undefined>;
  /**
   * `{id, sha256}` of each id, in the order given (the `datasets` of a result-cache key).
   * @throws {DatasetNotFoundError} for the first id that does not exist — the error the method itself
   * would raise, so an edge can let it propagate
   */
  refs(ids: readonly string[]): Promise<DatasetVersion[]>;
  /** forgets the hash of one dataset (after an import, replace or delete of it), or of all */
  invalidate(id?: string): void;
}

/** Memoizes {@link DatasetVersionSource.getDatasetSha256}. */
export function createDatasetVersions(source: DatasetVersionSource): DatasetVersions {
  const known = new Map<string, string>();
  const pending = new Map<string, Promise<string | undefined>>();
  const generation = new Map<string, number>();
  let epoch = 0;

  const stamp = (id: string): string => `${epoch}:${generation.get(id) ?? 0}`;

  const sha256 = (id: string): Promise<string | undefined> => {
    const hit = known.get(id);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = pending.get(id);
    if (running !== undefined) return running;
    const before = stamp(id);
    const lookup = source.getDatasetSha256(id).then((sha) => {
      if (sha !== undefined && stamp(id) === before) known.set(id, sha);
      return sha;
    });
    const tracked = lookup.finally(() => {
      if (pending.get(id) === tracked) pending.delete(id);
    });
    pending.set(id, tracked);
    return tracked;
  };

  return {
    sha256,
    async refs(ids) {
      const hashes = await Promise.all(ids.map(sha256));
      return ids.map((id, i) => {
        const sha = hashes[i];
        if (sha === undefined) throw new DatasetNotFoundError(id);
        return { id, sha256: sha };
      });
    },
    invalidate(id) {
      if (id === undefined) {
        epoch++;
        known.clear();
        pending.clear();
        return;
      }
      generation.set(id, (generation.get(id) ?? 0) + 1);
      known.delete(id);
      pending.delete(id);
    },
  };
}
