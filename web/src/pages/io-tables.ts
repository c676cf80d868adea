/** Pure helpers of the IO page: which table to show by default and for a chosen year. */
import type { DatasetSummary } from "../../charts/api-types.js";

/** Table family = the id without its year part (`cn-nbs-io-2020-42` → `cn-nbs-io-*-42`). */
export function familyOf(id: string): string {
  return id.replace(/(19|20)\d{2}/, "*");
}

/** Default table: the latest NBS table with about 42 sectors (the seeds' tables), else the latest table. */
export function defaultTable(tables: readonly DatasetSummary[]): DatasetSummary | undefined {
  const year = (t: DatasetSummary): number => Math.max(...t.years);
  const byYear = [...tables].sort((a, b) => year(b) - year(a) || a.id.localeCompare(b.id));
  const nbs42 = byYear.find(
    (t) => /nbs/i.test(t.id) && (t.dimensions?.sectors ?? 0) >= 40 && (t.dimensions?.sectors ?? 0) <= 45,
  );
  return nbs42 ?? byYear[0];
}

/** The id before its year (`cn-nbs-io-2020-42` → `cn-nbs-io-`): the publisher's series. */
function stemOf(id: string): string {
  const m = /^(.*?)(19|20)\d{2}/.exec(id);
  return m?.[1] ?? id;
}

/**
 * The table of `year` closest to the current one: same family; else the same series with the nearest
 * sector count (149 ↔ 153 detailed tables); else ~42 sectors; else the first.
 */
export function tableForYear(
  tables: readonly DatasetSummary[],
  year: number,
  currentId: string,
): DatasetSummary | undefined {
  const ofYear = tables.filter((t) => t.years.includes(year));
  const current = tables.find((t) => t.id === currentId);
  const sectors = (t: DatasetSummary | undefined): number => t?.dimensions?.sectors ?? 0;
  const sameStem = ofYear
    .filter((t) => stemOf(t.id) === stemOf(currentId))
    .sort((a, b) => Math.abs(sectors(a) - sectors(current)) - Math.abs(sectors(b) - sectors(current)));
  return (
    ofYear.find((t) => familyOf(t.id) === familyOf(currentId)) ??
    sameStem[0] ??
    ofYear.find((t) => (t.dimensions?.sectors ?? 0) >= 40 && (t.dimensions?.sectors ?? 0) <= 45) ??
    ofYear[0]
  );
}
