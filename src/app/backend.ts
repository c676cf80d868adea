/**
 * Linear-algebra backend choice (线性代数后端): the app injects the optional native OpenBLAS backend
 * (src/native) into the core as an InverseBackend. `native` falls back to the TypeScript LU with a
 * `backend_fallback` diagnostic when the addon is unavailable.
 */
import { type Diagnostic, diagnostic } from "../core/diagnostics.js";
import type { InverseBackend } from "../core/io-analysis/leontief.js";
import { loadNativeBackend } from "../native/openblas.js";

/** "typescript" (default), "native" (OpenBLAS, falling back), or an injected backend. */
export type BackendChoice = "typescript" | "native" | InverseBackend;

export const BACKEND_NAMES = ["typescript", "native"] as const;

let nativeCache: { backend?: InverseBackend; reason?: string } | undefined;

/** Resolves a backend choice into a backend (undefined = core's own LU) and diagnostics. */
export function resolveBackend(choice: BackendChoice | undefined): {
  backend?: InverseBackend;
  diagnostics: Diagnostic[];
} {
  if (choice === undefined || choice === "typescript") return { diagnostics: [] };
  if (choice !== "native") return { backend: choice, diagnostics: [] };
  if (nativeCache === undefined) {
    const r = loadNativeBackend();
    nativeCache = "backend" in r ? { backend: r.backend } : { reason: r.unavailable };
  }
  if (nativeCache.backend !== undefined) return { backend: nativeCache.backend, diagnostics: [] };
  return { diagnostics: [diagnostic("backend_fallback", "warning", { reason: nativeCache.reason ?? "unavailable" })] };
}
