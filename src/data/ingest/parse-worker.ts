/**
 * The parsing thread (读取线程) of isolated.ts: reads one file per message with the ordinary readers
 * and posts the result back. Exceptions come back as their message (an exception here is a defect:
 * the readers report everything about a file as issues).
 */
import { parentPort } from "node:worker_threads";
import { readTabularFile } from "./index.js";
import type { ParseReply, ParseRequest } from "./isolated.js";

const port = parentPort;
if (port === null) throw new Error("parse-worker.ts runs only as a worker thread");
port.on("message", async (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, result: await readTabularFile(request.bytes, request.options) };
  } catch (e) {
    reply = { id: request.id, thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
