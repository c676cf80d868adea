#!/usr/bin/env node
// shushi (数实) command-line launcher. Runs the compiled CLI (dist/cli/main.js) when it exists,
// otherwise the TypeScript source through tsx. Exit codes: 0 ok, 1 data issues, 2 usage, 70 internal.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const compiled = join(root, "dist", "cli", "main.js");
const source = join(root, "src", "cli", "main.ts");

async function loadCli() {
  if (existsSync(compiled) && process.env.SHUSHI_FROM_SOURCE !== "1") {
    return import(pathToFileURL(compiled).href);
  }
  let tsx;
  try {
    tsx = await import("tsx/esm/api");
  } catch {
    process.stderr.write(
      "shushi: dist/ is not built and tsx is not installed. Run `npm install` and `npm run build`.\n" +
        "shushi：未找到 dist/ 且未安装 tsx。请运行 `npm install` 和 `npm run build`。\n",
    );
    process.exit(70);
  }
  tsx.register();
  return import(pathToFileURL(source).href);
}

// `shushi … | head`: when the reader closes the pipe, stop writing and exit 0 without a stack trace
let stdoutClosed = false;
const quiet = (e) => {
  if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
};
process.stdout.on("error", (e) => {
  quiet(e);
  stdoutClosed = true;
});
process.stderr.on("error", quiet);

try {
  const cli = await loadCli();
  const sinks =
    typeof cli.processSinks === "function"
      ? cli.processSinks()
      : { stdout: process.stdout, stderr: process.stderr, stdoutClosed: () => false };
  const code = await cli.run(process.argv.slice(2), { stdout: sinks.stdout, stderr: sinks.stderr });
  process.exitCode = stdoutClosed || sinks.stdoutClosed() ? 0 : typeof code === "number" ? code : 70;
} catch (e) {
  if (!process.stderr.destroyed) {
    process.stderr.write(
      `shushi: internal error / 内部错误: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
  }
  process.exitCode = 70;
}
