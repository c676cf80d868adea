/**
 * Dashboard build: `npx vite build web` → `web/dist` (served by `src/server/main.ts` at `/`).
 * Dev: `npx vite web` with `/api` proxied to the API server on 127.0.0.1:8787.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": "http://127.0.0.1:8787" },
    fs: { allow: [fileURLToPath(new URL("..", import.meta.url))] },
  },
});
