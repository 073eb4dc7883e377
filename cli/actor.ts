import { createInterface } from "node:readline";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { ActorQueryError } from "../retrieval/actors/actorQuery.js";
import { actorAnswerToJson } from "../retrieval/actors/actorJson.js";
import { loadActorRegistry } from "../retrieval/actors/loadActorRegistry.js";
import { resolveActor, type ActorAnswer } from "../retrieval/actors/resolveActor.js";
import type { ActorRegistry } from "../retrieval/actors/types.js";

// Not the engine's PROJECT_ROOT: importing the engine would load the embedding stack this CLI never needs.
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage:
  npm run --silent actor -- "<name>"            readable profile of one actor
  npm run --silent actor -- --json "<name>"     one JSON object
  npm run --silent actor -- --json < names      one JSON object per line (JSON Lines)
  npm run --silent actor -- --list [--json]     every actor with kind and mention count`;

const flagsSchema = z
  .object({
    json: z.boolean().default(false),
    list: z.boolean().default(false),
    help: z.boolean().default(false),
    name: z.string().optional(),
  })
  .refine((f) => !(f.list && f.name !== undefined), { message: "--list takes no name." })
  .refine((f) => f.help || f.list || f.json || f.name !== undefined, { message: "No actor name given." });

type Flags = z.infer<typeof flagsSchema>;

function parseFlags(argv: string[]): Flags {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: "boolean" }, list: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const parsed = flagsSchema.safeParse({ ...values, name: positionals.length ? positionals.join(" ") : undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(" "));
  return parsed.data;
}

export function renderActorText(answer: ActorAnswer): string {
  const actor = answer.actor;
  if (actor === null) {
    const hint = answer.suggestions.length ? ` Did you mean: ${answer.suggestions.join(", ")}?` : "";
    return `No actor called "${answer.query}" in the corpus.${hint}`;
  }
  const lines = [`${actor.name} — ${actor.kind}${actor.curated ? "" : " (found in the text, not curated)"}`];
  if (actor.aliases.length) lines.push(`Also written: ${actor.aliases.join(", ")}`);
  lines.push("", `Mentioned ${actor.mentions} time${actor.mentions === 1 ? "" : "s"} in ${actor.sources.length} article${actor.sources.length === 1 ? "" : "s"}:`);
  for (const s of actor.sources) lines.push(`  ${String(s.mentions).padStart(3)}  ${s.title} (${s.file}${s.copyOf ? `, a copy of ${s.copyOf}` : ""})`);
  if (actor.excerpts.length) {
    lines.push("", "Who or what it is:");
    actor.excerpts.forEach((e, i) => lines.push(`  [${i + 1}] “${e.text}”`, `      — ${e.title} (${e.file}, characters ${e.start}–${e.end}, score ${e.score.toFixed(2)})`));
  }
  if (actor.related.length) {
    lines.push("", `Often mentioned with: ${actor.related.map((r) => `${r.name} (${r.sentences} sentence${r.sentences === 1 ? "" : "s"})`).join(", ")}`);
  }
  if (actor.otherAliases.length) lines.push("", `Other known names: ${actor.otherAliases.join(", ")}`);
  return lines.join("\n");
}

function listActors(registry: ActorRegistry, json: boolean): string {
  const rows = [...registry.actors]
    .map((a) => ({ name: a.name, kind: a.kind, mentions: registry.totalMentions(a.id), curated: a.curated }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  if (json) return JSON.stringify(rows);
  const width = Math.max(...rows.map((r) => r.name.length));
  return rows.map((r) => `${r.name.padEnd(width)}  ${r.kind.padEnd(12)}  ${String(r.mentions).padStart(4)}`).join("\n");
}

/** JSON Lines over stdin: a malformed line gets an error object, not a crash, and the exit status says so. */
async function resolveLines(registry: ActorRegistry): Promise<number> {
  let status = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    try {
      process.stdout.write(JSON.stringify(actorAnswerToJson(resolveActor(registry, line))) + "\n");
    } catch (error) {
      if (!(error instanceof ActorQueryError)) throw error;
      process.stdout.write(JSON.stringify({ query: line, found: false, actor: null, suggestions: [], error: error.message }) + "\n");
      status = 2;
    }
  }
  return status;
}

async function main(): Promise<number> {
  const flags = readFlags(() => parseFlags(process.argv.slice(2)), USAGE);
  if (typeof flags === "number") return flags;
  const logger = cliLogger();
  const started = performance.now();
  // CORPUS_DIR, as every command reads it (relative to the project root).
  const corpusDir = process.env.CORPUS_DIR?.trim() ? resolve(PROJECT_ROOT, process.env.CORPUS_DIR.trim()) : undefined;
  const registry = await loadActorRegistry({ projectRoot: PROJECT_ROOT, ...(corpusDir ? { corpusDir } : {}) });
  logger.debug({ actors: registry.actors.length, documents: registry.documents.length, ms: Math.round(performance.now() - started) }, "actor registry loaded");

  if (flags.list) {
    process.stdout.write(listActors(registry, flags.json) + "\n");
    return 0;
  }
  if (flags.name === undefined) return resolveLines(registry);
  try {
    const answer = resolveActor(registry, flags.name);
    process.stdout.write((flags.json ? JSON.stringify(actorAnswerToJson(answer)) : renderActorText(answer)) + "\n");
    return 0;
  } catch (error) {
    if (!(error instanceof ActorQueryError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

runCli(main);
