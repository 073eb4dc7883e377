import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTestEngine } from "../support/testEngine.js";
import { runNpmScript } from "../support/runCli.js";

const lineSchema = z.strictObject({
  question: z.string(),
  answered: z.boolean(),
  verdict: z.enum(["answered", "related", "none"]),
  searched: z.string(),
  excerpts: z.array(z.strictObject({ text: z.string(), file: z.string(), start: z.number().int(), end: z.number().int(), title: z.string(), score: z.number() })),
  leanedOn: z.array(z.string()),
  error: z.string().optional(),
});

beforeAll(async () => {
  await openTestEngine(); // the shared index is built once; the CLI below only loads it
});

describe("npm run ask -- --json --conversation", () => {
  it("answers each stdin line as a follow-up of the lines before it, and a blank line starts a new conversation", async () => {
    const input = ["who was Abu Haidar al-Khafaji?", "where was his funeral?", "", "where was his funeral?", "who represents hamas in baghdad?", "and the houthis?", "?!"].join("\n") + "\n";
    const { code, stdout } = await runNpmScript("ask", ["--json", "--conversation"], input);
    const lines = stdout.trim().split("\n").map((l) => lineSchema.parse(JSON.parse(l)));
    expect(lines.map((l) => l.searched)).toEqual([
      "who was Abu Haidar al-Khafaji?",
      "where was Abu Haidar al-Khafaji's funeral?",
      // A new conversation: "his" points at nobody, so nothing is added.
      "where was his funeral?",
      "who represents hamas in baghdad?",
      "who represents the houthis in baghdad?",
      "?!",
    ]);
    expect(lines[1]).toMatchObject({ question: "where was his funeral?", verdict: "answered", leanedOn: ["Abu Haidar al-Khafaji"] });
    expect(lines[1]!.excerpts[0]!.text).toContain("Najaf");
    expect(lines[4]!.excerpts[0]!.text).toContain("Abu Idris al-Sharafi");
    expect(lines[5]).toMatchObject({ verdict: "none", excerpts: [], error: expect.stringMatching(/no words/) });
    expect(code).toBe(2);
  });

  it("refuses a question on the command line with --conversation", async () => {
    const { code, stderr } = await runNpmScript("ask", ["--conversation", "who is Qaani?"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/reads the questions from stdin/);
  });
});
