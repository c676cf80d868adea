/**
 * Provenance of app-level results (STYLE §2.10): which datasets (ids, file hashes, classification),
 * which method with which parameters, which software version, and when. `computedAt` is added here,
 * never in core, so the core stays deterministic.
 */
import type { DatasetCaveat, DatasetMeta } from "../data/index.js";
import { softwareVersion } from "../data/index.js";

/** One dataset a result was computed from. */
export type DatasetRef = {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** sha256 of the first source file (hex), "" when unknown */
  readonly sha256: string;
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  readonly classification?: { readonly system: string; readonly version: string };
  readonly publisher: string;
  readonly unit: string;
  readonly years: readonly number[];
};

/** Provenance attached to every app-level result. */
export type ResultProvenance = {
  readonly datasets: readonly DatasetRef[];
  /** snake_case method id, e.g. "io_linkages" */
  readonly method: string;
  /** every parameter that changes the numbers, including defaults */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** e.g. "shushi@0.1.0" */
  readonly software: string;
  /** ISO 8601 UTC timestamp */
  readonly computedAt: string;
  /** caveats of the datasets, to show beside the numbers */
  readonly caveats: readonly DatasetCaveat[];
};

/** A clock, injected so tests are deterministic. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

let cachedVersion: string | undefined;

/** "shushi@<version>" from package.json (cached). */
export function software(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = softwareVersion();
    } catch {
      cachedVersion = "shushi@unknown";
    }
  }
  return cachedVersion;
}

/** The provenance reference of a dataset. */
export function datasetRef(meta: DatasetMeta): DatasetRef {
  const files = (meta.provenance?.files ?? []).map((f) => ({ path: f.path, sha256: f.sha256 }));
  return {
    id: meta.id,
    titleZh: meta.titleZh,
    titleEn: meta.titleEn,
    sha256: files[0]?.sha256 ?? "",
    files,
    ...(meta.classification !== undefined && {
      classification: { system: meta.classification.system, version: meta.classification.version },
    }),
    publisher: meta.provenance?.publisher ?? "",
    unit: meta.unit,
    years: meta.years,
  };
}

/** Builds the provenance of a result. */
export function resultProvenance(
  metas: readonly DatasetMeta[],
  method: string,
  parameters: Readonly<Record<string, unknown>>,
  clock: Clock = systemClock,
): ResultProvenance {
  const caveats = [
    ...new Map(metas.flatMap((m) => m.provenance?.caveats ?? []).map((c) => [JSON.stringify(c), c])).values(),
  ];
  return {
    datasets: metas.map(datasetRef),
    method,
    parameters,
    software: software(),
    computedAt: clock().toISOString(),
    caveats,
  };
}
