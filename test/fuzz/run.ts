/**
 * The importer fuzzer at scale (issue 6 point 9):
 *
 *     npx tsx test/fuzz/run.ts --cases 100000 --seed 20261203 [--workers 2] [--time-limit 10000]
 *     npx tsx test/fuzz/run.ts --seed 20261203 --replay 160        # one case again, in process
 *
 * Cases run in child processes (V8 heap capped at 2 GB) in chunks; the parent is the hang detector: a
 * case running past `--kill-after` ms (default max(3 × time limit, 30 s)) gets its child killed (SIGKILL) and is reported as a
 * hang; a child that dies mid-case (heap limit, native crash) reports a crash. Prints cases run,
 * crashes, hangs, slowest case and cases/s; failing inputs go to test/fuzz/failures/ with a .json
 * giving the replay command. Exit status 1 when anything failed.
 */
import { type ChildProcess, fork } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type CaseOutcome,
  type CaseStatus,
  closeFuzzStore,
  fuzzImporters,
  generateCase,
  isFailure,
  openFuzzStore,
  runCase,
  writeFailure,
} from "./importer-fuzz.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const FAILURES = join(here, "failures");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 0) {
    process.stderr.write(`--${name}: expected a non-negative integer\n`);
    process.exit(2);
  }
  return v;
}

const seed = arg("seed", 20261203);
const timeLimit = arg("time-limit", 10_000);

type Msg = { type: "start"; index: number } | { type: "case"; o: CaseOutcome } | { type: "done" };

async function child(): Promise<void> {
  const from = arg("from", 0);
  const cases = arg("cases", 0);
  const send = (m: Msg) => process.send?.(m);
  await fuzzImporters({
    seed,
    from,
    cases,
    timeLimitMsPerCase: timeLimit,
    failuresDir: FAILURES,
    onStart: (index) => {
      send({ type: "start", index });
      // self-test of the hang detector: SHUSHI_FUZZ_SELFTEST_HANG=<index> spins forever on that case
      if (String(index) === process.env.SHUSHI_FUZZ_SELFTEST_HANG) for (;;);
    },
    onCase: (o) => send({ type: "case", o: { ...o, detail: o.detail?.slice(0, 500) } as CaseOutcome }),
  });
  send({ type: "done" });
  process.disconnect?.();
}

async function replay(index: number): Promise<void> {
  const c = generateCase(seed, index);
  const ctx = await openFuzzStore();
  try {
    const o = await runCase(c, timeLimit, ctx);
    writeFailure(FAILURES, seed, c, o);
    process.stdout.write(
      `${JSON.stringify({ ...o, importKind: c.importKind, viaPath: c.viaPath, bytes: c.bytes.length }, null, 2)}\n`,
    );
  } finally {
    await closeFuzzStore(ctx);
  }
}

async function parent(): Promise<void> {
  const total = arg("cases", 100_000);
  const workers = Math.max(1, arg("workers", Math.min(2, cpus().length)));
  const chunk = 2_000;
  const hardLimit = arg("kill-after", Math.max(3 * timeLimit, 30_000));
  const queue: [number, number][] = [];
  for (let f = 0; f < total; f += chunk) queue.push([f, Math.min(chunk, total - f)]);
  const statuses: Record<CaseStatus, number> = {
    ok: 0,
    issues: 0,
    crash: 0,
    bad_issue: 0,
    store_changed: 0,
    console_output: 0,
    hang: 0,
  };
  const failures: CaseOutcome[] = [];
  let ran = 0;
  let slowest: CaseOutcome | undefined;
  const t0 = performance.now();
  let lastReport = t0;

  const record = (o: CaseOutcome) => {
    ran++;
    statuses[o.status]++;
    if (isFailure(o.status)) failures.push(o);
    if (slowest === undefined || o.ms > slowest.ms) slowest = o;
    const now = performance.now();
    if (now - lastReport > 10_000) {
      lastReport = now;
      process.stdout.write(
        `… ${ran}/${total} cases, ${failures.length} failures, ${(ran / ((now - t0) / 1000)).toFixed(0)} cases/s\n`,
      );
    }
  };

  const runWorker = (): Promise<void> =>
    new Promise((resolveWorker) => {
      const next = () => {
        const job = queue.shift();
        if (job === undefined) return resolveWorker();
        const [from, cases] = job;
        const end = from + cases;
        let current: number | undefined;
        let startedAt = 0;
        let finished = false;
        const proc: ChildProcess = fork(
          fileURLToPath(import.meta.url),
          [
            "--child",
            "--seed",
            String(seed),
            "--from",
            String(from),
            "--cases",
            String(cases),
            "--time-limit",
            String(timeLimit),
          ],
          {
            execArgv: [...process.execArgv, "--max-old-space-size=2048"],
            stdio: ["ignore", "inherit", "inherit", "ipc"],
          },
        );
        const lost = (status: "hang" | "crash", detail: string) => {
          if (current === undefined) return;
          const c = generateCase(seed, current);
          const o: CaseOutcome = {
            index: current,
            name: c.name,
            file: c.file,
            mode: c.importKind ? `import:${c.importKind}` : "read",
            status,
            ms: performance.now() - startedAt,
            detail,
          };
          writeFailure(FAILURES, seed, c, o);
          record(o);
          if (current + 1 < end) queue.unshift([current + 1, end - current - 1]);
        };
        const watchdog = setInterval(() => {
          if (current !== undefined && performance.now() - startedAt > hardLimit) {
            clearInterval(watchdog);
            lost("hang", `no result after ${hardLimit} ms: child killed`);
            current = undefined;
            finished = true;
            proc.kill("SIGKILL");
          }
        }, 500);
        proc.on("message", (m: Msg) => {
          if (m.type === "start") {
            current = m.index;
            startedAt = performance.now();
          } else if (m.type === "case") {
            current = undefined;
            record(m.o);
          } else finished = true;
        });
        proc.on("exit", (code, signal) => {
          clearInterval(watchdog);
          if (!finished) {
            if (current === undefined) {
              // died between cases (store setup/teardown): count it and retry the rest of the chunk once more
              failures.push({
                index: -1,
                name: "worker",
                file: "",
                mode: "setup",
                status: "crash",
                ms: 0,
                detail: `exit ${code} ${signal}`,
              });
              statuses.crash++;
            } else lost("crash", `child exited (code ${code}, signal ${signal}) during the case`);
          }
          next();
        });
      };
      next();
    });

  await Promise.all(Array.from({ length: workers }, runWorker));
  const elapsed = (performance.now() - t0) / 1000;
  const crashes = failures.filter((f) => f.status !== "hang");
  const hangs = failures.filter((f) => f.status === "hang");
  const lines = [
    `seed ${seed}, ${workers} worker(s), time limit ${timeLimit} ms per case`,
    `cases run:     ${ran}`,
    `statuses:      ${JSON.stringify(statuses)}`,
    `crashes:       ${crashes.length}`,
    `hangs:         ${hangs.length}`,
    `slowest case:  ${slowest ? `#${slowest.index} ${slowest.ms.toFixed(0)} ms (${slowest.mode}, ${slowest.status}) ${slowest.name}` : "-"}`,
    `throughput:    ${(ran / elapsed).toFixed(1)} cases/s (${elapsed.toFixed(1)} s)`,
  ];
  for (const f of failures.slice(0, 20))
    lines.push(
      `FAIL #${f.index} ${f.status} ${f.mode} ${f.name}\n  ${(f.detail ?? "").split("\n")[0]}\n  replay: npx tsx test/fuzz/run.ts --seed ${seed} --replay ${f.index}`,
    );
  if (failures.length > 0) lines.push(`failing inputs: ${FAILURES}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (process.argv.includes("--child")) await child();
else if (process.argv.includes("--replay")) await replay(arg("replay", 0));
else await parent();
