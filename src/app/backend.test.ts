import { describe, expect, it } from "vitest";
import { loadNativeBackend } from "../native/openblas.js";
import { AUTO_NATIVE_MIN_ORDER, resolveBackend } from "./backend.js";

const nativeAvailable = "backend" in loadNativeBackend();

describe("resolveBackend", () => {
  it("auto keeps the TypeScript LU below the native threshold and when no order is known", () => {
    expect(resolveBackend("auto", AUTO_NATIVE_MIN_ORDER - 1)).toEqual({ diagnostics: [] });
    expect(resolveBackend(undefined, 42)).toEqual({ diagnostics: [] });
    expect(resolveBackend("auto")).toEqual({ diagnostics: [] });
  });

  it("typescript never loads the native backend", () => {
    expect(resolveBackend("typescript", 10_000)).toEqual({ diagnostics: [] });
  });

  it("auto uses the native backend at large orders when it is built, silently otherwise", () => {
    const r = resolveBackend("auto", AUTO_NATIVE_MIN_ORDER);
    expect(r.diagnostics).toEqual([]);
    expect(r.backend !== undefined).toBe(nativeAvailable);
  });

  it("native falls back with a backend_fallback diagnostic when the addon is missing", () => {
    const r = resolveBackend("native", 10);
    if (nativeAvailable) expect(r.backend).toBeDefined();
    else expect(r.diagnostics.map((d) => d.code)).toEqual(["backend_fallback"]);
  });
});
