/**
 * Helpers shared by the message catalogs: read a message parameter as display text.
 */
import { roundHalfUp } from "./format.js";

/** Renders one parameter value for a message: numbers with up to 6 significant decimals, arrays joined. */
export function show(value: unknown, sep = ", "): string {
  if (value === undefined || value === null) return "?";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e9)) return value.toExponential(3);
    return roundHalfUp(value, 6).replace(/\.?0+$/, "");
  }
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => show(v, sep)).join(sep);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Parameter `key` of `params` as display text ("?" when absent). */
export function param(params: Readonly<Record<string, unknown>>, key: string, sep?: string): string {
  return show(params[key], sep);
}

/** True when the parameter is present (not undefined/null). */
export function has(params: Readonly<Record<string, unknown>>, key: string): boolean {
  return params[key] !== undefined && params[key] !== null;
}
