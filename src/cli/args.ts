/**
 * A small argv parser for the CLI: `--key value`, `--key=value`, boolean flags and positionals.
 * Unknown options are reported (exit 2), never ignored.
 */
import { UsageError } from "../methods/errors.js";

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string>;
  readonly flags: Set<string>;
  /**
   * Valued options given without a value (at the end of argv or followed by another option). Reported by
   * {@link checkKnown} after the unknown-option check, so `--bogus` reads as unknown rather than as
   * "needs a value", and after `--lang` is known, so the message is in the chosen language.
   */
  readonly missingValue?: ReadonlySet<string>;
}

/**
 * Options that take no value anywhere in the CLI. Long names only: `-h` is the one short alias (of
 * `--help`), and no prefix or long spelling of it (`--h`, `--he`) is taken for another option.
 */
export const BOOLEAN_FLAGS = new Set(["help", "version", "replace", "rebuild", "no-open"]);

export { UsageError } from "../methods/errors.js";

/** Splits argv into positionals, valued options and flags. `--` ends option parsing. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const missingValue = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      flags.add("help");
      continue;
    }
    if (a.startsWith("--") || (a.startsWith("-") && a.length === 2 && !/^-\d/.test(a))) {
      const body = a.startsWith("--") ? a.slice(2) : a.slice(1);
      const eq = body.indexOf("=");
      if (eq >= 0) {
        options.set(body.slice(0, eq), body.slice(eq + 1));
        continue;
      }
      if (a.startsWith("--") && BOOLEAN_FLAGS.has(body)) {
        flags.add(body);
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) {
        missingValue.add(body);
        continue;
      }
      options.set(body, next);
      i++;
      continue;
    }
    positionals.push(a);
  }
  return { positionals, options, flags, missingValue };
}

/**
 * Fails on any option or flag not in `allowed` (global options are always allowed), then on a known
 * option given without its value.
 */
export function checkKnown(args: ParsedArgs, command: string, allowed: readonly string[]): void {
  const ok = new Set([...allowed, "lang", "data-dir", "help"]);
  const missing = args.missingValue ?? new Set<string>();
  for (const k of [...args.options.keys(), ...args.flags, ...missing]) {
    if (!ok.has(k)) throw new UsageError("usage.unknown_option", { option: `--${k}`, command });
  }
  for (const k of missing) throw new UsageError("usage.missing_value", { option: `--${k}` });
}

/** Fails when a global option (`--lang`, `--data-dir`) was given without its value. */
export function checkGlobalValues(args: ParsedArgs): void {
  for (const k of ["lang", "data-dir"]) {
    if (args.missingValue?.has(k) === true) throw new UsageError("usage.missing_value", { option: `--${k}` });
  }
}

/** The value of an enum option, or its default; UsageError for a value outside the list. */
export function enumOption<T extends string>(args: ParsedArgs, name: string, values: readonly T[], fallback: T): T;
export function enumOption<T extends string>(args: ParsedArgs, name: string, values: readonly T[]): T | undefined;
export function enumOption<T extends string>(
  args: ParsedArgs,
  name: string,
  values: readonly T[],
  fallback?: T,
): T | undefined {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  if (!(values as readonly string[]).includes(v)) {
    throw new UsageError("usage.invalid_value", { option: `--${name}`, value: v, expected: values.join(", ") });
  }
  return v as T;
}

/** An integer option within bounds. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const v = args.options.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError("usage.invalid_value", { option: `--${name}`, value: v, expected: `${min}–${max}` });
  }
  return n;
}
