import { spawn } from "node:child_process";
import { resolve } from "node:path";
import type { z } from "zod";
import { PROJECT_ROOT } from "../retrieval/engine.js";

/**
 * Runs `npm run bench` with these flags in a fresh process (a cold start, or memory of its own) and
 * reads the one JSON object it prints on stdout; its stderr (progress, logs) passes through.
 */
export function runBenchChild<T>(flags: readonly string[], schema: z.ZodType<T>, what: string): Promise<T> {
  const args = ["--import", "tsx", resolve(PROJECT_ROOT, "cli", "bench.ts"), ...flags];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? done(schema.parse(JSON.parse(out))) : fail(new Error(`${what} exited ${code}`))));
  });
}
