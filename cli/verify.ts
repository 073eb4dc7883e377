import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readFlags, runCli } from "./runCli.js";
import { answerCheckSchema, verifyAnswer, type CheckedAnswer } from "../retrieval/verify/index.js";

const USAGE = `Usage:
  npm run --silent verify -- FILE          check the excerpts of ask --json output in FILE (one object, or JSON Lines)
  npm run --silent ask -- --json < questions | npm run --silent verify    the same from stdin
Exit status: 0 every excerpt is verbatim, 1 some are not, 2 the input is not ask --json output.`;

const flagsSchema = z.object({ help: z.boolean().default(false), file: z.string().optional() });

/** Bad input: the CLI exits with status 2. */
class InputError extends Error {}

async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text;
  }
  try {
    return await readFile(file, "utf8");
  } catch {
    throw new InputError(`${file} does not exist or cannot be read.`);
  }
}

const describeIssues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");

/** One JSON object (possibly spread over lines), or JSON Lines: the answers with their line numbers. */
export function parseAnswers(input: string): { line: number; answer: CheckedAnswer }[] {
  if (input.trim() === "") throw new InputError("No input: expected the output of ask --json.");
  const parse = (text: string, line: number) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new InputError(`Line ${line} is not JSON.`);
    }
    const parsed = answerCheckSchema.safeParse(json);
    if (!parsed.success) throw new InputError(`Line ${line} is not an ask --json answer (${describeIssues(parsed.error)}).`);
    return { line, answer: parsed.data };
  };
  try {
    return [parse(input, 1)];
  } catch {
    return input
      .split("\n")
      .map((text, i) => ({ text, line: i + 1 }))
      .filter(({ text }) => text.trim() !== "")
      .map(({ text, line }) => parse(text, line));
  }
}

async function main(): Promise<number> {
  const flags = readFlags(() => {
    const { values, positionals } = parseArgs({ options: { help: { type: "boolean", short: "h" } }, allowPositionals: true });
    if (positionals.length > 1) throw new Error("One file at a time.");
    return flagsSchema.parse({ ...values, file: positionals[0] });
  }, USAGE);
  if (typeof flags === "number") return flags;
  let answers: { line: number; answer: CheckedAnswer }[];
  try {
    answers = parseAnswers(await readInput(flags.file));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  let checked = 0;
  let bad = 0;
  for (const { line, answer } of answers) {
    const result = verifyAnswer(answer);
    checked += result.checked;
    bad += result.problems.length;
    for (const p of result.problems) process.stdout.write(`line ${line} ${p.at}: ${p.file} [${p.start}, ${p.end}): ${p.problem}\n`);
  }
  const answerWord = answers.length === 1 ? "answer" : "answers";
  process.stdout.write(
    bad === 0
      ? `All ${checked} excerpts of ${answers.length} ${answerWord} are verbatim.\n`
      : `${bad} of ${checked} excerpts of ${answers.length} ${answerWord} are not verbatim.\n`,
  );
  return bad === 0 ? 0 : 1;
}

runCli(main);
