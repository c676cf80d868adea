/**
 * Fails any test that writes to the console (after Zod's scripts/fail-on-console.ts): diagnostics are
 * data, never console output. Tests that exercise the CLI pass in-memory streams instead.
 */
import { afterEach, beforeEach, vi } from "vitest";

const methods = ["log", "info", "warn", "error", "debug"] as const;
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    const text = calls.join("\n");
    calls = [];
    throw new Error(`test wrote to the console:\n${text}`);
  }
});
