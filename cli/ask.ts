import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { openEngine, type Engine } from "../retrieval/engine.js";
import { parseQuestion, QuestionError } from "../retrieval/question.js";
import type { Answer } from "../retrieval/types.js";
import { stderrProgress } from "./progress.js";

const USAGE = `Usage:
  npm run --silent ask -- "<question>"          readable answer with citations
  npm run --silent ask -- --json "<question>"   one JSON object
  npm run --silent ask -- --json < questions    one JSON object per line (JSON Lines)`;

const flagsSchema = z.object({
  json: z.boolean().default(false),
  help: z.boolean().default(false),
  question: z.string().optional(),
});

/** The JSON contract other tools rely on: exactly these fields. */
export function answerToJson(answer: Answer) {
  return {
    question: answer.question,
    answered: answer.answered,
    verdict: answer.verdict,
    searched: answer.searched,
    excerpts: answer.excerpts.map((e) => ({ text: e.text, file: e.file, start: e.start, end: e.end, title: e.title, score: e.score })),
  };
}

export function renderAnswerText(answer: Answer): string {
  const searched = answer.searched !== answer.question ? [`Searched for: ${answer.searched}`] : [];
  if (answer.verdict === "none") return [...searched, `No answer in the corpus. ${answer.refusal ?? ""}`.trim()].join("\n");
  const note = answer.verdict === "related" ? ["The articles do not state this directly; the closest passages:"] : [];
  const quotes = answer.excerpts.map((e) => `[${e.citation}] “${e.text}”`);
  const cited = new Set(answer.excerpts.map((e) => e.citation));
  const sources = answer.sources
    .filter((s) => cited.has(s.citation))
    .map((s) => `[${s.citation}] ${s.title}${s.publisher ? ` — ${s.publisher}` : ""}${s.date ? `, ${s.date}` : ""} (${s.file})`);
  return [...searched, ...note, ...quotes, "", "Sources:", ...sources].join("\n");
}

async function askOne(engine: Engine, question: string, json: boolean): Promise<number> {
  try {
    const answer = await engine.ask(question);
    process.stdout.write((json ? JSON.stringify(answerToJson(answer)) : renderAnswerText(answer)) + "\n");
    return 0;
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

/** JSON Lines over stdin: the model loads once; a bad line gets an error object, not a crash. */
async function askLines(engine: Engine): Promise<number> {
  let status = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    try {
      process.stdout.write(JSON.stringify(answerToJson(await engine.ask(line))) + "\n");
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      process.stdout.write(JSON.stringify({ question: line, answered: false, verdict: "none", searched: line, excerpts: [], error: error.message }) + "\n");
      status = 2;
    }
  }
  return status;
}

async function main(): Promise<number> {
  const flags = readFlags(() => {
    const { values, positionals } = parseArgs({ options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
    return flagsSchema.parse({ ...values, question: positionals.length ? positionals.join(" ") : undefined });
  }, USAGE);
  if (typeof flags === "number") return flags;
  if (flags.question === undefined && !flags.json) {
    process.stderr.write(`No question given.\n${USAGE}\n`);
    return 2;
  }
  if (flags.question !== undefined) {
    // A question that cannot be searched is refused before the model loads.
    try {
      parseQuestion(flags.question);
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
  }
  const engine = await openEngine({ logger: cliLogger(), onProgress: stderrProgress() });
  try {
    return flags.question === undefined ? await askLines(engine) : await askOne(engine, flags.question, flags.json);
  } finally {
    await engine.close();
  }
}

runCli(main);
