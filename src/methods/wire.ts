/**
 * Wire schemas shared by every method family (JSON of the HTTP API and of `--format json`):
 * diagnostics with their localized message, and result provenance. The web dashboard's types are
 * `z.output` of these schemas (web/charts/api-types.ts), so there is no hand-kept copy.
 */
import { z } from "zod";
import type { ResultProvenance } from "../app/index.js";
import type { Diagnostic } from "../core/index.js";
import { type Lang, renderCaveat, renderDiagnostic } from "../i18n/index.js";

export const wireDiagnostic = z.object({
  code: z.string(),
  severity: z.enum(["info", "warning", "error"]),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
});
export type WireDiagnostic = z.output<typeof wireDiagnostic>;

/** A data issue as the edges render it: code, location and message in the language. */
export const wireIssue = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  path: z.record(z.string(), z.unknown()),
  params: z.record(z.string(), z.unknown()),
  location: z.string(),
  message: z.string(),
});

export const wireSourceFile = z.object({ path: z.string(), sha256: z.string() });

export const wireClassification = z.object({ system: z.string(), version: z.string() });

/** A dataset a result was computed from. */
export const wireDatasetRef = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  sha256: z.string(),
  files: z.array(wireSourceFile),
  classification: wireClassification.optional(),
  publisher: z.string(),
  unit: z.string(),
  years: z.array(z.number()),
});

/** Provenance of every result: datasets with hashes, method and parameters, software, time, caveats. */
/**
 * The page of a paged wire result (`MethodDeclaration.pages`): which rows of the paged array the
 * response holds, and how many there are in all.
 */
export const wirePage = z.object({
  /** the paged field, e.g. `values` */
  field: z.string(),
  /** index of the first row in this response */
  offset: z.number().int(),
  /** rows asked for (the response holds fewer on the last page) */
  limit: z.number().int(),
  /** rows of the whole result */
  total: z.number().int(),
});

export const wireProvenance = z.object({
  datasets: z.array(wireDatasetRef),
  method: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  software: z.string(),
  computedAt: z.string(),
  caveats: z.array(z.string()),
});
export type WireProvenance = z.output<typeof wireProvenance>;

/** Diagnostics rendered in `lang`. */
export function wireDiagnostics(diagnostics: readonly Diagnostic[], lang: Lang): WireDiagnostic[] {
  return diagnostics.map((d) => {
    const r = renderDiagnostic(d, lang);
    return { code: r.code, severity: r.severity, params: { ...r.params }, message: r.message };
  });
}

/** Provenance as plain JSON, dataset caveats rendered in `lang`. */
export function wireProvenanceOf(p: ResultProvenance, lang: Lang): WireProvenance {
  return {
    datasets: p.datasets.map((d) => ({
      id: d.id,
      titleZh: d.titleZh,
      titleEn: d.titleEn,
      sha256: d.sha256,
      files: d.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
      ...(d.classification !== undefined && { classification: { ...d.classification } }),
      publisher: d.publisher,
      unit: d.unit,
      years: [...d.years],
    })),
    method: p.method,
    parameters: { ...p.parameters },
    software: p.software,
    computedAt: p.computedAt,
    caveats: p.caveats.map((c) => renderCaveat(c, lang)),
  };
}

/**
 * The `toWire` of a declaration whose result has `diagnostics` and `provenance`: diagnostics and
 * caveats rendered in the language, then the whole checked and trimmed by the wire schema.
 */
export function toWireWith<S extends z.ZodType>(schema: S) {
  return <R extends { readonly diagnostics: readonly Diagnostic[]; readonly provenance: ResultProvenance }>(
    r: R,
    lang: Lang,
  ): z.output<S> =>
    schema.parse({
      ...r,
      diagnostics: wireDiagnostics(r.diagnostics, lang),
      provenance: wireProvenanceOf(r.provenance, lang),
    });
}
