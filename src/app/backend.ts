/**
 * Linear-algebra backend choice (线性代数后端): the app injects the optional native OpenBLAS backend
 * (src/native) into the core as an InverseBackend. `native` falls back to the TypeScript LU with a
 * `backend_fallback` diagnostic when the addon is unavailable.
 */

import type { InverseBackend } from "../core/index.js";
import { type Diagnostic, diagnostic } from "../core/index.js";
import { loadNativeBackend } from "../native/openblas.js";

/**
 * "auto" (default: where a full inverse is needed, the native backend for tables of at least
 * {@link AUTO_NATIVE_MIN_ORDER} sectors when it is available, otherwise the TypeScript LU; linkages use
 * the TypeScript solve path), "typescript", "native" (OpenBLAS, falling back), or an
 * injected backend.
 */
export type BackendChoice = "auto" | "typescript" | "native" | InverseBackend;

export const BACKEND_NAMES = ["auto", "typescript", "native"] as const;

/**
 * Order from which "auto" uses the native backend: below it the TypeScript solve path takes a few
 * milliseconds (docs/benchmarks.md: ≤ 6 ms at n = 153), above it native is 8–17× faster.
 */
export const AUTO_NATIVE_MIN_ORDER = 400;

let nativeCache: { backend?: InverseBackend; reason?: string } | undefined;

function loadNativeCached(): { backend?: InverseBackend; reason?: string } {
  if (nativeCache === undefined) {
    const r = loadNativeBackend();
    nativeCache = "backend" in r ? { backend: r.backend } : { reason: r.unavailable };
  }
  return nativeCache;
}

/** Resolves a backend choice into a backend (undefined = core's own LU) and diagnostics. */
export function resolveBackend(
  choice: BackendChoice | undefined,
  order?: number,
): {
  backend?: InverseBackend;
  diagnostics: Diagnostic[];
} {
  if (choice === undefined || choice === "auto") {
    if (order === undefined || order < AUTO_NATIVE_MIN_ORDER) return { diagnostics: [] };
    const native = loadNativeCached();
    return native.backend !== undefined ? { backend: native.backend, diagnostics: [] } : { diagnostics: [] };
  }
  if (choice === "typescript") return { diagnostics: [] };
  if (choice !== "native") return { backend: choice, diagnostics: [] };
  const nativeCache = loadNativeCached();
  if (nativeCache.backend !== undefined) return { backend: nativeCache.backend, diagnostics: [] };
  return {
    diagnostics: [
      diagnostic("backend_fallback", "warning", {
        reason: "native_unavailable",
        ...(nativeCache.reason !== undefined && { detail: nativeCache.reason }),
      }),
    ],
  };
}
