import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import { PROJECT_ROOT, seedRegistry } from "./seedRegistry.js";

const run = promisify(execFile);

interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the CLI as a user would; stdin is always closed so the JSON Lines mode ends. */
async function actorCli(args: string[], input = ""): Promise<CliResult> {
  const pending = run("npx", ["tsx", "cli/actor.ts", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: "warn" } });
  pending.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await pending;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** The contract of issue 4, field by field; extra fields are allowed. */
const excerptSchema = z.object({ text: z.string(), file: z.string(), start: z.number().int(), end: z.number().int(), title: z.string(), score: z.number().min(0).max(1) });
const actorSchema = z.object({
  name: z.string(),
  kind: z.string(),
  aliases: z.array(z.string()),
  sources: z.array(z.object({ file: z.string(), title: z.string(), mentions: z.number().int().positive() })),
  excerpts: z.array(excerptSchema).max(3),
});
const answerSchema = z.object({ query: z.string(), found: z.boolean(), actor: actorSchema.nullable(), suggestions: z.array(z.string()) });

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

describe("actor CLI", () => {
  it("prints the JSON contract for one name", async () => {
    const { stdout, code } = await actorCli(["--json", "PMF"]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const answer = answerSchema.parse(JSON.parse(stdout));
    expect(Object.keys(answer)).toEqual(["query", "found", "actor", "suggestions"]);
    expect(answer).toMatchObject({ query: "PMF", found: true, suggestions: [] });
    expect(answer.actor!.name).toBe("Popular Mobilization Forces");
    expect(answer.actor!.kind).toBe("armed group");
    expect(answer.actor!.aliases).toContain("Hashd al-Shaabi");
    for (const e of answer.actor!.excerpts) {
      expect(e.file).toMatch(/^corpus\/articles\/[^/]+\.txt$/);
      expect(readFileSync(join(PROJECT_ROOT, e.file), "utf8").slice(e.start, e.end)).toBe(e.text);
    }
    const total = answer.actor!.sources.reduce((sum, s) => sum + s.mentions, 0);
    expect(total).toBe(registry.totalMentions(registry.actors.find((a) => a.name === "Popular Mobilization Forces")!.id));
  });

  it("answers an unknown name with found false, a null actor and suggestions", async () => {
    const { stdout, code } = await actorCli(["--json", "Irak"]);
    expect(code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(stdout));
    expect(answer).toMatchObject({ query: "Irak", found: false, actor: null });
    expect(answer.suggestions).toContain("Iraq");
  });

  it("rejects a malformed name with a message and a non-zero exit", async () => {
    for (const name of ["   ", "!!!", "x".repeat(201)]) {
      const { stdout, stderr, code } = await actorCli(["--json", name]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/actor name/);
    }
  });

  it("reads names from standard input and prints JSON Lines", async () => {
    const { stdout, code } = await actorCli(["--json"], "Qaani\nKtaeb Hezbollah\n\n???\nnobody at all\n");
    expect(code).toBe(2);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => [l.query, l.found])).toEqual([
      ["Qaani", true],
      ["Ktaeb Hezbollah", true],
      ["???", false],
      ["nobody at all", false],
    ]);
    expect(lines[2].error).toMatch(/no letters/);
    for (const line of [lines[0], lines[1], lines[3]]) answerSchema.parse(line);
  });

  it("lists every actor with kind and mention count", async () => {
    const { stdout, code } = await actorCli(["--list"]);
    expect(code).toBe(0);
    const rows = stdout.trim().split("\n");
    expect(rows).toHaveLength(registry.actors.length);
    for (const actor of registry.actors) {
      const row = rows.find((r) => r.startsWith(`${actor.name} `));
      expect(row, actor.name).toMatch(new RegExp(`\\s${actor.kind}\\s+${registry.totalMentions(actor.id)}$`));
    }
  });

  it("prints a readable profile without --json", async () => {
    const { stdout, code } = await actorCli(["Sudani"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Mohammed Shia' Al-Sudani — person");
    expect(stdout).toMatch(/Mentioned \d+ times in \d+ articles/);
  });

  it("refuses to run without a name or a mode", async () => {
    const { stderr, code } = await actorCli([]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage");
  });
});
