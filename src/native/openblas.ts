/**
 * Edge adapter for the optional native backend: OpenBLAS + LAPACKE through the N-API addon in
 * `native/` (built by `scripts/build-native.sh`). The app layer calls `loadNativeBackend()` once and
 * injects the backend into core (`inverse(M, { backend })`); core never imports this file.
 *
 * The addon computes the inverse with LAPACKE_dgetrf + LAPACKE_dgetri and solves with
 * LAPACKE_dgetrf + LAPACKE_dgetrs (row-major). It applies the same relative pivot rule as the
 * TypeScript LU (`DEFAULT_SINGULAR_TOLERANCE`), so both backends agree on what is singular.
 * Loading never throws: a missing or broken addon yields `{ unavailable: reason }`.
 *
 * Note: calls run synchronously on the calling thread (OpenBLAS itself may use several threads).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { LinalgBackend } from "../core/index.js";
import { CoreError, DEFAULT_SINGULAR_TOLERANCE, type Matrix, matrix } from "../core/index.js";

/** The raw addon surface (see native/src/shushi_native.cc). */
interface NativeAddon {
  inverse(a: Float64Array, n: number, relTol: number): Float64Array;
  solve(a: Float64Array, n: number, b: Float64Array, k: number, relTol: number): Float64Array;
  info(): { openblasConfig: string; threads: number; coretype: string };
}

/** Build information reported by OpenBLAS at load time. */
export interface NativeBackendInfo {
  /** absolute path of the loaded `.node` file */
  readonly addonPath: string;
  /** `openblas_get_config()`, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH … Cooperlake MAX_THREADS=64" */
  readonly openblasConfig: string;
  /** `openblas_get_num_threads()` */
  readonly threads: number;
  /** `openblas_get_corename()`: the kernel family selected at run time */
  readonly coretype: string;
}

export type NativeBackendLoad = { backend: LinalgBackend; info: NativeBackendInfo } | { unavailable: string };

/** Default location of the compiled addon, relative to this file (src/native → repo root). */
export function defaultAddonPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "../../native/build/Release/shushi_native.node");
}

function checkFinite(m: Matrix, fn: string, argument: string): void {
  const d = m.data;
  for (let k = 0; k < d.length; k++) {
    if (!Number.isFinite(d[k] as number)) throw new CoreError("non_finite", { function: fn, argument, index: k });
  }
}

/** Maps the addon's coded JS errors onto CoreError (singular_matrix, invalid_argument). */
function rethrow(e: unknown, fn: string): never {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  const info = typeof e === "object" && e !== null ? (e as { info?: unknown }).info : undefined;
  if (code === "singular_matrix") {
    throw new CoreError("singular_matrix", { function: fn, backend: "openblas", step: Number(info) - 1 }, { cause: e });
  }
  throw new CoreError("invalid_argument", { function: fn, backend: "openblas", info }, { cause: e });
}

function wrap(addon: NativeAddon): LinalgBackend {
  return Object.freeze({
    name: "openblas",
    inverse(m: Matrix): Matrix {
      const fn = "openblas.inverse";
      if (m.rows !== m.cols) throw new CoreError("not_square", { function: fn, rows: m.rows, cols: m.cols });
      checkFinite(m, fn, "m");
      try {
        return matrix(m.rows, m.rows, addon.inverse(m.data, m.rows, DEFAULT_SINGULAR_TOLERANCE));
      } catch (e) {
        rethrow(e, fn);
      }
    },
    solve(a: Matrix, b: Matrix): Matrix {
      const fn = "openblas.solve";
      if (a.rows !== a.cols) throw new CoreError("not_square", { function: fn, rows: a.rows, cols: a.cols });
      if (b.rows !== a.rows)
        throw new CoreError("dimension_mismatch", { function: fn, expected: a.rows, received: b.rows });
      checkFinite(a, fn, "a");
      checkFinite(b, fn, "b");
      try {
        return matrix(a.rows, b.cols, addon.solve(a.data, a.rows, b.data, b.cols, DEFAULT_SINGULAR_TOLERANCE));
      } catch (e) {
        rethrow(e, fn);
      }
    },
  });
}

/**
 * Loads the native OpenBLAS backend. Never throws: returns `{ unavailable: reason }` when the addon
 * has not been built, cannot be loaded (e.g. libopenblas/liblapacke missing at run time) or fails its
 * smoke test (inverse of a 2×2 matrix).
 * @param addonPath path of `shushi_native.node` @default native/build/Release/shushi_native.node
 */
export function loadNativeBackend(addonPath: string = defaultAddonPath()): NativeBackendLoad {
  try {
    if (!existsSync(addonPath)) {
      return { unavailable: `addon not built: ${addonPath} is missing (run scripts/build-native.sh)` };
    }
    const require = createRequire(import.meta.url);
    const addon = require(addonPath) as Partial<NativeAddon>;
    if (typeof addon.inverse !== "function" || typeof addon.solve !== "function" || typeof addon.info !== "function") {
      return { unavailable: `addon at ${addonPath} does not export inverse/solve/info` };
    }
    const full = addon as NativeAddon;
    // smoke test: [[2, 1], [1, 1]]⁻¹ = [[1, −1], [−1, 2]] exactly in binary floating point
    const probe = full.inverse(new Float64Array([2, 1, 1, 1]), 2, DEFAULT_SINGULAR_TOLERANCE);
    const expected = [1, -1, -1, 2];
    if (probe.length !== 4 || expected.some((v, i) => Math.abs((probe[i] as number) - v) > 1e-14)) {
      return { unavailable: `addon at ${addonPath} failed its smoke test` };
    }
    const raw = full.info();
    return {
      backend: wrap(full),
      info: { addonPath, openblasConfig: raw.openblasConfig, threads: raw.threads, coretype: raw.coretype },
    };
  } catch (e) {
    return { unavailable: `addon at ${addonPath} could not be loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
}
