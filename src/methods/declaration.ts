/**
 * One declaration per method (方法声明). A method module states, once: its identity (family, CLI
 * words, HTTP path), its options as a zod object whose every field carries zh-CN/en labels, how it
 * runs (a call into `src/app`), the JSON shape of its result on the wire (a zod schema), and how the
 * result renders in a terminal. The CLI command and its `--help`, the Hono routes, the OpenAPI
 * document, the web wire types and the result cache all derive from this object
 * (docs/adding-a-method-family.md; ADR 0007).
 */
import type { z } from "zod";
import type { BackendChoice, Clock, DatasetSource, LoadedFrame, LoadedIndicators, TableRef } from "../app/index.js";
import type { Lang } from "../i18n/index.js";

/** zh-CN and English text of a label (shown in `--help`, OpenAPI and the dashboard). */
export interface Label {
  readonly "zh-CN": string;
  readonly en: string;
}

/** Output formats of a CLI command. */
export type OutputFormat = "table" | "json" | "csv";

/** What a method needs at run time; the edges fill it. */
export interface MethodContext {
  readonly source?: DatasetSource;
  readonly backend?: BackendChoice;
  readonly clock?: Clock;
  /** the file names of document options read from files (CLI `--spec spec.json`), shown in issue locations */
  readonly documentFiles?: Readonly<Record<string, string>>;
  /** published reference values (overlays), when the edge has them */
  readonly published?: import("../app/index.js").PublishedSeriesLoader;
}

/**
 * What an uploaded or file input is read as, when it stands in for a stored dataset (`--input FILE`
 * in the CLI, the request body of `POST <path>` in the API): an IO table in the generic template, or
 * an indicator table (`entity`, optional `year`, one column per indicator).
 */
export interface MethodInputs {
  readonly io_table: TableRef;
  readonly indicator_table: LoadedIndicators;
  readonly data_frame: LoadedFrame;
}

/** The kinds of file input. */
export type MethodInput = keyof MethodInputs;

/**
 * A method declaration.
 * @typeParam S zod object of the options (keys camelCase; CLI flags are their kebab-case)
 * @typeParam R the app-level result
 * @typeParam W the wire result (JSON the API returns and `--format json` prints)
 */
export interface MethodDeclaration<
  S extends z.ZodObject = z.ZodObject,
  R = unknown,
  W = unknown,
  I extends MethodInput = MethodInput,
> {
  /** stable id, `<family>.<name>`, used in cache keys and provenance */
  readonly id: string;
  /** the family module this method belongs to (io, index, econometrics, …) */
  readonly family: string;
  /** CLI words, e.g. `["io", "linkages"]` */
  readonly command: readonly [string, string];
  /** HTTP path of the GET route (and the POST route when `input` is set) */
  readonly path: `/api/${string}`;
  /** one line for `--help`, the OpenAPI summary and the dashboard */
  readonly summary: Label;
  /** options; every field built with the helpers of `options.ts` so it carries its labels */
  readonly options: S;
  /** a file/upload of this kind may stand in for the option {@link inputOption} */
  readonly input?: I;
  /** the dataset option a file input replaces @default "table" */
  readonly inputOption?: string;
  /** neither the input option nor a file is needed: the method has a default (e.g. shipped data) */
  readonly inputOptional?: boolean;
  /** the method uses the linear-algebra backend (`--backend` in the CLI) */
  readonly usesBackend?: boolean;
  /** CLI formats; the first is the default */
  readonly formats: readonly OutputFormat[];
  /**
   * An array field of the wire result that the API serves in pages of rows (`?offset=&limit=`), for
   * results too large for one response (a WIOD-size matrix is ≈ 40 MB of JSON); the wire schema then
   * has the optional `page` field ({@link wirePage}).
   */
  readonly pages?: string;
  /**
   * A computation that is heavy whatever the table's size (e.g. 10 000 Monte-Carlo runs): `when` says
   * whether these options make it heavy; `prepare` loads on the main thread (which owns the store)
   * the plain input the worker pool then computes on — the server sends such requests to the pool
   * (ADR 0009), so the event loop keeps answering.
   */
  readonly heavy?: {
    when(options: z.output<S>): boolean;
    prepare(options: z.output<S>, source: DatasetSource): Promise<MethodInputs[MethodInput]>;
  };
  /** dataset ids the result depends on, for the cache key; "all" when it reads the whole store */
  datasets(options: z.output<S>): readonly string[] | "all";
  /** runs the method through `src/app` */
  run(options: z.output<S>, input: MethodInputs[I] | undefined, context: MethodContext): Promise<R>;
  /** wire schema of the result (OpenAPI response, web types) */
  readonly wire: z.ZodType<W>;
  /** the app result as plain JSON (diagnostics rendered in `lang`) */
  toWire(result: R, lang: Lang): W;
  /** terminal renderers of the result (json prints the wire result) */
  readonly render?: {
    readonly table?: (result: R, lang: Lang) => string;
    readonly csv?: (result: R, lang: Lang) => string;
  };
}

/** Any declaration (for lists). */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous list of declarations
export type AnyMethod = MethodDeclaration<z.ZodObject, any, any, any>;

/** Identity helper that keeps the declaration's types inferred. */
export function defineMethod<S extends z.ZodObject, R, W, I extends MethodInput = "io_table">(
  d: MethodDeclaration<S, R, W, I>,
): MethodDeclaration<S, R, W, I> {
  return d;
}

/** The wire type of a declaration. */
export type WireOf<M> = M extends MethodDeclaration<z.ZodObject, unknown, infer W, MethodInput> ? W : never;
