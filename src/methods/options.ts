/**
 * Option builders for method declarations (方法选项). Each builder returns a zod schema and records
 * what the edges need beside validation — zh-CN/en label, the CLI placeholder, allowed values,
 * bounds and default — so that the CLI flags and `--help`, the query parameters and the OpenAPI
 * parameter list are all read from one object. Option values arrive as strings (argv, query string);
 * {@link parseOptions} converts and validates them once for both edges.
 */
import { z } from "zod";
import type { Label } from "./declaration.js";
import { UsageError } from "./errors.js";

/** What an option is, for the edges. */
export interface OptionSpec {
  readonly kind: "enum" | "int" | "number" | "flag" | "string" | "dataset" | "document";
  readonly label: Label;
  /** allowed values of an enum option */
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly default?: string | number;
  readonly required: boolean;
  /** placeholder in help, e.g. `<id>` */
  readonly placeholder: string;
  /** not offered over HTTP (e.g. a local file path) */
  readonly cliOnly?: boolean;
  /** a comma-separated list (e.g. sector codes): at most this many items … */
  readonly maxItems?: number;
  /** … of at most this many characters each */
  readonly maxItemLength?: number;
}

const SPECS = new WeakMap<z.ZodType, OptionSpec>();

function attach<T extends z.ZodType>(schema: T, spec: OptionSpec): T {
  SPECS.set(schema, spec);
  return schema;
}

/**
 * Dataset ids: `/`-separated segments (namespaces, e.g. `user/ana/gdp`) of letters, digits, `-`, `_`
 * and `.`, each starting with a letter or digit (so no `..`, empty or hidden segments), at most
 * {@link DATASET_ID_MAX_LENGTH} characters in all.
 */
export const DATASET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
export const DATASET_ID_MAX_LENGTH = 200;

/** True for a well-formed dataset id ({@link DATASET_ID_PATTERN}, at most 200 characters). */
export function isDatasetId(id: string): boolean {
  return id.length <= DATASET_ID_MAX_LENGTH && DATASET_ID_PATTERN.test(id);
}

/** Bounds of a comma-separated list option (e.g. `group=01,02,…`). */
export const LIST_LIMITS = { maxItems: 1000, maxItemLength: 200 } as const;

/** Longest option value echoed back in an error (the rest is cut and marked `…`). */
const ECHO_LIMIT = 200;

/** A value as echoed in an error: at most {@link ECHO_LIMIT} characters. */
export function echoValue(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/** True when `text` holds a C0 control character or DEL (never part of an option value). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** Longest accepted free-text import value (unit, sheet, region, …) and title, at both edges. */
export const IMPORT_TEXT_MAX = 200;
export const IMPORT_TITLE_MAX = 500;

/**
 * Checks a free-text value at an edge: at most `max` characters, no control characters.
 * @throws {UsageError} `usage.invalid_value` with `limit` `max_length` or `control_character`
 */
export function checkTextValue(option: string, text: string, max: number): string {
  if (text.length > max)
    throw new UsageError("usage.invalid_value", {
      option,
      value: echoValue(text),
      expected: `at most ${max} characters`,
      limit: "max_length",
      max,
    });
  if (hasControlCharacter(text))
    throw new UsageError("usage.invalid_value", {
      option,
      value: echoValue(text),
      expected: "text without control characters",
      limit: "control_character",
    });
  return text;
}

/** A stored dataset's id. */
export function datasetOption(label: Label, options: { required?: boolean } = {}) {
  const base = z.string().max(DATASET_ID_MAX_LENGTH).regex(DATASET_ID_PATTERN);
  const required = options.required ?? true;
  return attach(required ? base : base.optional(), { kind: "dataset", label, required, placeholder: "<id>" });
}

/** One of a closed set of values, with a default. */
export function enumOption<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
  label: Label,
) {
  return attach(z.enum(values).default(defaultValue as never), {
    kind: "enum",
    label,
    values,
    default: defaultValue,
    required: false,
    placeholder: values.join("|"),
  });
}

/** One of a closed set of values, required. */
export function requiredEnumOption<const T extends readonly [string, ...string[]]>(values: T, label: Label) {
  return attach(z.enum(values), { kind: "enum", label, values, required: true, placeholder: values.join("|") });
}

/** An integer within bounds; optional unless a default is given. */
export function intOption(bounds: { min: number; max: number }, label: Label) {
  return attach(z.number().int().min(bounds.min).max(bounds.max).optional(), {
    kind: "int",
    label,
    min: bounds.min,
    max: bounds.max,
    required: false,
    placeholder: `${bounds.min}–${bounds.max}`,
  });
}

/** A decimal number within bounds, with a default (e.g. a shift of 0.0001). */
export function numberOption(bounds: { min: number; max: number }, defaultValue: number, label: Label) {
  return attach(z.number().min(bounds.min).max(bounds.max).default(defaultValue), {
    kind: "number",
    label,
    min: bounds.min,
    max: bounds.max,
    default: defaultValue,
    required: false,
    placeholder: `${bounds.min}–${bounds.max}`,
  });
}

/**
 * A yes/no switch, off by default: a bare `--flag` in the CLI (`--flag=false` turns it off), `flag=true`
 * or `false` (also 1/0) in a query.
 */
export function flagOption(label: Label) {
  return attach(z.boolean().default(false), {
    kind: "flag",
    label,
    required: false,
    placeholder: "",
    default: "false",
  });
}

/**
 * A small document (e.g. an index spec in JSON): a file path in the CLI, whose content the CLI reads
 * and passes on (`--spec spec.json`); the document's text itself in a query (`spec=<json>`). Line breaks
 * and tabs are allowed (other control characters are not); at most `maxBytes` characters.
 */
export function documentOption(label: Label, placeholder: string, options: { maxBytes: number }) {
  return attach(z.string().min(1).max(options.maxBytes).optional(), {
    kind: "document",
    label,
    required: false,
    placeholder,
    max: options.maxBytes,
  });
}

/** Decimal numbers as options accept them: no hex, no `Infinity`, no thousands separators. */
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,3})?$/;

/**
 * Free text (validated by the method), optional. A placeholder that names a comma-separated list
 * (`<code,code,…>`) makes the value a bounded list ({@link LIST_LIMITS}) unless `list` says otherwise.
 */
export function textOption(
  label: Label,
  placeholder: string,
  options: {
    default?: string;
    maxLength?: number;
    list?: { maxItems: number; maxItemLength: number } | false;
  } = {},
) {
  const list = options.list ?? (/,…>/.test(placeholder) ? LIST_LIMITS : false);
  const base = z
    .string()
    .min(1)
    .max(options.maxLength ?? 2000);
  const schema = options.default !== undefined ? base.default(options.default) : base.optional();
  return attach(schema, {
    kind: "string",
    label,
    required: false,
    placeholder,
    ...(options.default !== undefined && { default: options.default }),
    ...(list !== false && { maxItems: list.maxItems, maxItemLength: list.maxItemLength }),
  });
}

/** Free text that must be given (e.g. the column a test reads); otherwise as {@link textOption}. */
export function requiredTextOption(label: Label, placeholder: string, options: { maxLength?: number } = {}) {
  const list = /,…>/.test(placeholder) ? LIST_LIMITS : false;
  const schema = z
    .string()
    .min(1)
    .max(options.maxLength ?? 2000);
  return attach(schema, {
    kind: "string",
    label,
    required: true,
    placeholder,
    ...(list !== false && { maxItems: list.maxItems, maxItemLength: list.maxItemLength }),
  });
}

/** The spec of an option schema built here. */
export function optionSpec(schema: z.ZodType): OptionSpec {
  const spec = SPECS.get(schema);
  if (spec === undefined) throw new Error("optionSpec: option not built with src/methods/options.ts");
  return spec;
}

/** `groupMethod` → `group-method`. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The options of a schema with their specs, in declaration order. */
export function optionEntries(schema: z.ZodObject): readonly (readonly [string, OptionSpec])[] {
  return Object.entries(schema.shape).map(([k, s]) => [k, optionSpec(s as z.ZodType)] as const);
}

/** How option names read at an edge: CLI flags (`--group-method`) or query parameters (`groupMethod`). */
export type OptionEdge = "cli" | "api";

function displayName(key: string, edge: OptionEdge): string {
  return edge === "cli" ? `--${flagName(key)}` : key;
}

/**
 * Converts raw string values (argv or query) to typed values and validates them against the
 * declaration's schema. Unknown keys are not checked here (each edge knows its own extra options).
 * @param raw values by option key (camelCase)
 * @throws {UsageError} `usage.invalid_value` (value outside the allowed set or bounds; a list with too
 *   many items or too long an item, or a control character, with `limit` in the params) or
 *   `usage.missing_option` (a required option absent), naming the option as the edge spells it
 */
export function parseOptions<S extends z.ZodObject>(
  schema: S,
  raw: ReadonlyMap<string, string>,
  edge: OptionEdge,
  command: string,
  optional: ReadonlySet<string> = new Set(),
): z.output<S> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of optionEntries(schema)) {
    const text = raw.get(key);
    const name = displayName(key, edge);
    if (text === undefined || text === "") {
      if (spec.required && !optional.has(key)) {
        throw new UsageError("usage.missing_option", {
          command,
          option: edge === "cli" ? `${name} ${spec.placeholder}` : name,
        });
      }
      continue;
    }
    const invalid = (): UsageError =>
      new UsageError("usage.invalid_value", {
        option: name,
        value: echoValue(text),
        expected:
          spec.kind === "enum"
            ? (spec.values ?? []).join(", ")
            : spec.kind === "int" || spec.kind === "number"
              ? `${spec.min}–${spec.max}`
              : spec.kind === "flag"
                ? "true, false"
                : spec.placeholder,
      });
    if (spec.kind === "document" ? hasControlCharacter(text.replace(/[\r\n\t]/g, " ")) : hasControlCharacter(text)) {
      throw new UsageError("usage.invalid_value", {
        option: name,
        value: echoValue(text),
        expected: "text without control characters",
        limit: "control_character",
      });
    }
    if (spec.maxItems !== undefined && spec.maxItemLength !== undefined) {
      const items = text.split(",");
      if (items.length > spec.maxItems) {
        throw new UsageError("usage.invalid_value", {
          option: name,
          value: echoValue(text),
          expected: `at most ${spec.maxItems} items`,
          limit: "max_items",
          max: spec.maxItems,
        });
      }
      if (items.some((item) => item.trim().length > (spec.maxItemLength as number))) {
        throw new UsageError("usage.invalid_value", {
          option: name,
          value: echoValue(text),
          expected: `items of at most ${spec.maxItemLength} characters`,
          limit: "max_item_length",
          max: spec.maxItemLength,
        });
      }
    }
    if (spec.kind === "int") {
      if (!/^-?\d+$/.test(text)) throw invalid();
      values[key] = Number(text);
    } else if (spec.kind === "number") {
      if (!DECIMAL.test(text)) throw invalid();
      values[key] = Number(text);
    } else if (spec.kind === "flag") {
      if (text === "true" || text === "1") values[key] = true;
      else if (text === "false" || text === "0") values[key] = false;
      else throw invalid();
    } else values[key] = text;
    const r = (schema.shape[key] as z.ZodType).safeParse(values[key]);
    if (!r.success) throw invalid();
    values[key] = r.data;
  }
  const mask = Object.fromEntries([...optional].map((k) => [k, true])) as Record<string, true>;
  const target: z.ZodType = optional.size > 0 ? schema.partial(mask as never) : schema;
  const parsed = target.safeParse(values);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? "");
    throw new UsageError("usage.invalid_value", {
      option: displayName(path, edge),
      value: echoValue(String(values[path] ?? "")),
      expected: optionSpec(schema.shape[path] as z.ZodType).placeholder,
    });
  }
  return parsed.data as z.output<S>;
}
