/**
 * An API error as page content: the message with its code, then each located issue (file, row, column)
 * with its message and code — what the econometrics and tiers pages show under a failed run or upload.
 */
import type { Locale } from "../charts/api-types.js";
import { labelSeparator } from "../charts/provenance.js";
import { ApiError } from "./api.js";
import { h } from "./dom.js";

/** `prefix: message (code)` and the list of located issues, when the error carries them. */
export function errorNodes(prefix: string, e: unknown, lang: Locale): Node[] {
  const sep = labelSeparator(lang);
  const text = e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
  const head = h("p", { role: "alert" }, `${prefix}${sep}${text}`);
  if (!(e instanceof ApiError) || e.issues.length === 0) return [head];
  const items = e.issues.map((i) =>
    h(
      "li",
      { class: `sev-${i.severity ?? "error"}` },
      i.location === undefined ? "" : h("b", {}, `${i.location}${sep}`),
      i.message ?? i.code,
      " ",
      h("code", {}, i.code),
    ),
  );
  return [head, h("ul", { class: "issues" }, ...items)];
}
