/**
 * Login throttling (登录限流): failed sign-ins counted per client address and per user name in a
 * sliding window, in memory (one process serves a store: the DuckDB file is opened by one process at a
 * time, docs/security.md). Written here rather than with `hono-rate-limiter` (STYLE §2.11) because the
 * rule is about *failures* keyed by a name read from the body, reset on success, with an injectable
 * clock — not a request-rate middleware.
 *
 * A throttled attempt is refused before the password is checked (no argon2 work for a blocked key), and
 * the refusal is the same whether the name exists or not.
 */

export interface LoginThrottleOptions {
  /** failed logins of one user name within the window before further attempts are refused @default 5 */
  readonly maxFailuresPerName?: number;
  /**
   * failed logins from one client address within the window (any names) @default 20 — higher than per
   * name, so that colleagues behind one NAT or proxy do not lock each other out after a few typos
   */
  readonly maxFailuresPerAddress?: number;
  /** the window in milliseconds @default 15 min */
  readonly windowMs?: number;
  /** keys tracked at most (names and addresses); the oldest are dropped beyond it @default 10000 */
  readonly maxKeys?: number;
  /** clock @default Date.now */
  readonly now?: () => number;
}

/** The answer of {@link LoginThrottle.check}: allowed, or refused for so many seconds. */
export type ThrottleVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface LoginThrottle {
  /** may this address try this name now? */
  check(address: string, name: string): ThrottleVerdict;
  /** records a failed login of `name` from `address` */
  fail(address: string, name: string): void;
  /** a successful login of `name`: forgets the name's failures (the address's stay counted) */
  succeed(name: string): void;
}

export const DEFAULT_LOGIN_WINDOW_MS = 15 * 60 * 1000;

/**
 * Creates an in-memory login throttle (see the module comment).
 * @param options limits per name and per address, window, key cap, clock
 * @returns `check` before verifying a password, `fail` after a wrong one, `succeed` after a right one
 * @example
 * const th = createLoginThrottle({ maxFailuresPerName: 2 });
 * th.fail("10.0.0.1", "ana"); th.fail("10.0.0.1", "ana");
 * th.check("10.0.0.2", "ana"); // => { allowed: false, retryAfterSeconds: 900 }
 */
export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const perName = options.maxFailuresPerName ?? 5;
  const perAddress = options.maxFailuresPerAddress ?? 20;
  const windowMs = options.windowMs ?? DEFAULT_LOGIN_WINDOW_MS;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  /** failure times per key (`n:<name>`, `a:<address>`), oldest first, at most the key's limit */
  const failures = new Map<string, number[]>();

  const recent = (key: string, t: number): number[] => {
    const list = failures.get(key);
    if (list === undefined) return [];
    const kept = list.filter((x) => x > t - windowMs);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== list.length) failures.set(key, kept);
    return kept;
  };

  /** seconds until the key drops below its limit, or 0 when it is below */
  const wait = (key: string, limit: number, t: number): number => {
    const list = recent(key, t);
    if (list.length < limit) return 0;
    const oldestCounted = list[list.length - limit] as number;
    return Math.max(1, Math.ceil((oldestCounted + windowMs - t) / 1000));
  };

  const record = (key: string, limit: number, t: number): void => {
    const list = recent(key, t);
    list.push(t);
    failures.delete(key); // re-insert: Map order = least recently failed first
    failures.set(key, list.slice(-limit));
    while (failures.size > maxKeys) {
      const oldest = failures.keys().next().value;
      if (oldest === undefined) break;
      failures.delete(oldest);
    }
  };

  return {
    check(address, name) {
      const t = now();
      const seconds = Math.max(wait(`n:${name}`, perName, t), wait(`a:${address}`, perAddress, t));
      return seconds === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: seconds };
    },
    fail(address, name) {
      const t = now();
      record(`n:${name}`, perName, t);
      record(`a:${address}`, perAddress, t);
    },
    succeed(name) {
      failures.delete(`n:${name}`);
    },
  };
}
