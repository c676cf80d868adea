// Entry of the parsing thread (src/data/ingest/isolated.ts) when shushi runs from source: a worker
// thread does not inherit the tsx loader of the main thread (nor vitest's transform), so it registers
// tsx itself and then loads the TypeScript module. Compiled builds load parse-worker.js directly.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
