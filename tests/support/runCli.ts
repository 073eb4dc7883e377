import { spawn } from "node:child_process";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { TEST_DATA_DIR } from "./testEngine.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the project root with the tests' index folder, feeding `input` on stdin. */
export function runCommand(command: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: TEST_DATA_DIR, LOG_LEVEL: "warn", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** A project CLI exactly as documented: `npm run --silent <script> -- <args>`. */
export const runNpmScript = (script: string, args: string[], input?: string, env?: NodeJS.ProcessEnv) =>
  runCommand("npm", ["run", "--silent", script, "--", ...args], input, env);
