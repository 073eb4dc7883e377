import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { openEngine } from "../retrieval/engine.js";
import { createSubjectFinder } from "../retrieval/conversation/index.js";
import { evaluateConversations, type ConversationReport } from "../retrieval/eval/conversations.js";
import { CONVERSATIONS } from "../tests/fixtures/conversations.js";
import { stderrProgress } from "./progress.js";

const USAGE = `Usage:
  npm run --silent eval-conversations            follow-up turns vs the same questions written out in full (top 3)
  npm run --silent eval-conversations -- --json  the report as one JSON object, every turn included
  npm run --silent eval-conversations -- --misses  also list each turn where either way missed`;

const flagsSchema = z.object({ json: z.boolean().default(false), misses: z.boolean().default(false), help: z.boolean().default(false) });

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

function renderReport(report: ConversationReport, misses: boolean): string {
  const lines = [
    `${report.conversations} conversations, ${report.followUps} follow-up turns: right passage in the top 3`,
    `  as follow-ups in the conversation ${pct(report.followUpTop3)}`,
    `  written out in full, asked alone  ${pct(report.fullTop3)}`,
    "",
    "kind          turns  follow-up  written-out",
    ...Object.entries(report.byKind).map(([kind, k]) => `${kind.padEnd(13)} ${String(k.turns).padStart(5)}  ${pct(k.followUpTop3)}     ${pct(k.fullTop3)}`),
  ];
  if (misses) {
    lines.push("", "misses (F = follow-up, W = written out):");
    for (const t of report.turns.filter((t) => !t.followUpTop3 || !t.fullTop3)) {
      lines.push(`  ${t.followUpTop3 ? " " : "F"}${t.fullTop3 ? " " : "W"} ${t.conversation}#${t.turn} [${t.resolution}] "${t.typed}" → "${t.resolved}"`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<number> {
  const flags = readFlags(() => flagsSchema.parse(parseArgs({ options: { json: { type: "boolean" }, misses: { type: "boolean" }, help: { type: "boolean", short: "h" } } }).values), USAGE);
  if (typeof flags === "number") return flags;
  const engine = await openEngine({ logger: cliLogger(), onProgress: stderrProgress() });
  try {
    const report = await evaluateConversations(engine, createSubjectFinder(engine.actors), CONVERSATIONS);
    process.stdout.write((flags.json ? JSON.stringify(report) : renderReport(report, flags.misses)) + "\n");
    return 0;
  } finally {
    await engine.close();
  }
}

runCli(main);
