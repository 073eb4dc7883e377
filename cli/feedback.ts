import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { readFlags, runCli } from "./runCli.js";
import { BotDatabase, defaultDatabaseFile, type FeedbackRow } from "../bot/store/botDatabase.js";

const USAGE = `Usage:
  npm run --silent feedback                 summary: votes by verdict, the answers with the most 👎 and their notes
  npm run --silent feedback -- --jsonl      every vote as JSON Lines (question, understood, verdict, citations, vote, comment)
  npm run --silent feedback -- --db <file>  another database than BOT_DATABASE (default <DATA_DIR>/bot.sqlite)`;

const flagsSchema = z.object({ jsonl: z.boolean().default(false), db: z.string().min(1).optional(), help: z.boolean().default(false) });

/** How many answers the summary lists under "most 👎". */
const WORST_SHOWN = 10;

export function summarize(rows: readonly FeedbackRow[]): string {
  if (rows.length === 0) return "No feedback yet.";
  const answers = new Map<string, { row: FeedbackRow; up: number; down: number; comments: string[] }>();
  const byVerdict = new Map<string, { up: number; down: number }>();
  for (const row of rows) {
    const answer = answers.get(row.answerId) ?? { row, up: 0, down: 0, comments: [] };
    answer[row.vote]++;
    if (row.comment) answer.comments.push(row.comment);
    answers.set(row.answerId, answer);
    const verdict = byVerdict.get(row.verdict) ?? { up: 0, down: 0 };
    verdict[row.vote]++;
    byVerdict.set(row.verdict, verdict);
  }
  const up = rows.filter((r) => r.vote === "up").length;
  const lines = [
    `${rows.length} votes on ${answers.size} answers: 👍 ${up}, 👎 ${rows.length - up}`,
    "",
    "verdict      👍    👎",
    ...["answered", "related", "none"].filter((v) => byVerdict.has(v)).map((v) => `${v.padEnd(10)} ${String(byVerdict.get(v)!.up).padStart(4)}  ${String(byVerdict.get(v)!.down).padStart(4)}`),
  ];
  const worst = [...answers.values()].filter((a) => a.down > 0).sort((a, b) => b.down - a.down || a.up - b.up).slice(0, WORST_SHOWN);
  if (worst.length > 0) {
    lines.push("", "Most 👎:");
    for (const a of worst) {
      const understood = a.row.understood !== a.row.question ? ` (understood: “${a.row.understood}”)` : "";
      lines.push(`  👎 ${a.down} 👍 ${a.up}  “${a.row.question}”${understood} — ${a.row.verdict}, ${a.row.citations.map((c) => `${c.file}:${c.start}-${c.end}`).join(", ") || "no quotes"}`);
      for (const comment of a.comments) lines.push(`      “${comment.replace(/\s+/g, " ")}”`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<number> {
  const flags = readFlags(
    () => flagsSchema.parse(parseArgs({ options: { jsonl: { type: "boolean" }, db: { type: "string" }, help: { type: "boolean", short: "h" } } }).values),
    USAGE,
  );
  if (typeof flags === "number") return flags;
  const file = flags.db ?? (process.env.BOT_DATABASE?.trim() || defaultDatabaseFile(process.env.DATA_DIR));
  if (!existsSync(file)) {
    process.stderr.write(`No feedback database at ${file} yet: the bot creates it when it starts (set BOT_DATABASE or --db for another file).\n`);
    return 1;
  }
  const db = BotDatabase.open(file, { readonly: true });
  try {
    const rows = db.feedback();
    process.stdout.write(flags.jsonl ? rows.map((row) => JSON.stringify(row) + "\n").join("") : summarize(rows) + "\n");
    return 0;
  } finally {
    db.close();
  }
}

runCli(main);
