/**
 * Types shared by the message families (消息族). A family module declares, for each code it owns, the
 * params the emitting code sends (a `XxxParams` map type) and one message function per code and
 * language, typed by those params — so a missing message, a missing language or a wrong param name is
 * a compile error (STYLE §2.6, after Zod's locales).
 */
import type { Lang } from "../format.js";

/** One message function per code of `P`, reading that code's params. */
export type Messages<P> = { readonly [K in keyof P]: (params: P[K]) => string };

/** The zh-CN and en messages of one family. */
export type Bilingual<P> = { readonly [L in Lang]: Messages<P> };

/** Fixed texts (no params) by code, in both languages: reasons, caveat labels, tier names. */
export type BilingualTexts<K extends string> = { readonly [L in Lang]: Readonly<Record<K, string>> };

/** Any JSON-like value a message may show verbatim (codes, numbers, lists of codes). */
export type Shown = string | number | boolean | null | readonly (string | number)[];

/**
 * Compile-time check that two key sets are equal: `Exact<keyof Params, Code>` is `true` only when
 * every code has params and no params belong to an unknown code.
 */
export type SameKeys<A extends PropertyKey, B extends PropertyKey> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : { missing: Exclude<B, A> }
  : { unknown: Exclude<A, B> };

/** Assert helper: `const _check: true = null as unknown as SameKeys<…>`. */
export function assertType<T extends true>(): T {
  return true as T;
}
