// Entry of the method worker threads (src/server/worker-pool.ts) when shushi runs from source: a
// worker thread does not inherit the tsx loader of the main thread (nor vitest's transform), so it
// registers tsx itself and then loads the TypeScript worker module. Compiled builds load
// method-worker.js directly and never reach this file.
import { register } from "tsx/esm/api";

register();
const worker = await import("./method-worker.ts");

export default worker.default;
