import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { openEngine, type Engine } from "../retrieval/engine.js";
import { parseQuestion, QuestionError } from "../retrieval/question.js";
import type { Answer } from "../retrieval/types.js";
import { stderrProgress } from "./progress.js";
import { askFollowUp, createSubjectFinder, type Conversation } from "../retrieval/conversation/index.js";

const USAGE = `Usage:
  npm run --silent ask -- "<question>"          readable answer with citations
  npm run --silent ask -- --json "<question>"   one JSON object
  npm run --silent ask -- --json < questions    one JSON object per line (JSON Lines)
  npm run --silent ask -- --json --conversation < questions
                                                each line continues the conversation before it;
                                                a blank line starts a new conversation`;

const flagsSchema = z.object({
  json: z.boolean().default(false),
  conversation: z.boolean().default(false),
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
  // "hi", "help": no question was searched, so none was refused either.
  if (answer.smallTalk) return answer.refusal ?? "";
  const searched = answer.searched !== answer.question ? [`Searched for: ${answer.searched}`] : [];
  if (answer.verdict === "none") return [...searched, `No answer in the corpus. ${answer.refusal ?? ""}`.trim()].join("\n");
  // The refusal says why none is confirmed, and names what the articles never mention or name instead.
  const note = answer.verdict === "related" ? [`${answer.refusal ?? "The articles do not state this directly."} The closest passages:`] : [];
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

/**
 * A conversation over stdin: each line is answered as a follow-up of the lines before it (its
 * `searched` is the question as understood, pronouns and all resolved); a blank line starts anew.
 */
async function askConversation(engine: Engine, json: boolean): Promise<number> {
  const finder = createSubjectFinder(engine.actors);
  let conversation: Conversation = { turns: [] };
  let status = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") {
      conversation = { turns: [] };
      if (!json) process.stdout.write("— new conversation —\n");
      continue;
    }
    try {
      const followed = await askFollowUp(engine, finder, line, conversation);
      conversation = followed.conversation;
      const leanedOn = followed.resolved.leanedOn.map((s) => s.name);
      if (json) process.stdout.write(JSON.stringify({ ...answerToJson(followed.answer), leanedOn }) + "\n");
      else {
        const how = `? ${followed.answer.question}\n${followed.resolved.text !== followed.answer.question ? `↪ ${followed.resolved.text}\n` : ""}`;
        process.stdout.write(`${how}${renderAnswerText({ ...followed.answer, searched: followed.answer.question })}\n\n`);
      }
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      if (json) process.stdout.write(JSON.stringify({ question: line, answered: false, verdict: "none", searched: line, excerpts: [], leanedOn: [], error: error.message }) + "\n");
      else process.stderr.write(`${error.message}\n`);
      status = 2;
    }
  }
  return status;
}

async function main(): Promise<number> {
  const flags = readFlags(() => {
    const { values, positionals } = parseArgs({ options: { json: { type: "boolean" }, conversation: { type: "boolean" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
    return flagsSchema.parse({ ...values, question: positionals.length ? positionals.join(" ") : undefined });
  }, USAGE);
  if (typeof flags === "number") return flags;
  if (flags.conversation && flags.question !== undefined) {
    process.stderr.write(`--conversation reads the questions from stdin, one a line; give no question on the command line.\n${USAGE}\n`);
    return 2;
  }
  if (flags.question === undefined && !flags.json && !flags.conversation) {
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
    if (flags.conversation) return await askConversation(engine, flags.json);
    return flags.question === undefined ? await askLines(engine) : await askOne(engine, flags.question, flags.json);
  } finally {
    await engine.close();
  }
}

runCli(main);
