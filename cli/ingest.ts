import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { cliLogger, readFlags, runCli } from "./runCli.js";
import { stderrProgress } from "./progress.js";
// The model, the index and the actor registry load only once the input is known to be good (see main).
import { checkAgainstCorpus, findArticle } from "../retrieval/ingest/corpusChecks.js";
import { corpusLocationFromEnv } from "../retrieval/ingest/corpusFiles.js";
import { IngestError } from "../retrieval/ingest/ingestError.js";
import { DEFAULT_MAX_BYTES, prepareArticle } from "../retrieval/ingest/prepareArticle.js";
import type { AddedArticle, IngestContext } from "../retrieval/ingest/ingestArticle.js";

// Not the engine's PROJECT_ROOT: importing the engine would load the embedding stack before the input is checked.
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `Usage:
  npm run --silent ingest -- [--json] FILE --title T [--publisher P] [--date YYYY-MM-DD]   add a .txt, .md or saved .html article
  npm run --silent ingest -- [--json] --remove FILE_OR_ID                                  remove an article
Options: --max-bytes N (default INGEST_MAX_BYTES or ${DEFAULT_MAX_BYTES.toLocaleString("en-US")}). Bad input exits with status 2 and changes nothing.`;

const maxBytes = z.coerce
  .number({ error: "--max-bytes must be a whole number of bytes." })
  .int("--max-bytes must be a whole number of bytes.")
  .positive("--max-bytes must be positive.");

const flagsSchema = z
  .object({
    json: z.boolean().default(false),
    help: z.boolean().default(false),
    file: z.string().optional(),
    remove: z.string().trim().min(1, "--remove needs an article id or file.").optional(),
    title: z.string().optional(),
    publisher: z.string().optional(),
    date: z.string().optional(),
    maxBytes: maxBytes.optional(),
  })
  .refine((f) => f.help || f.file !== undefined || f.remove !== undefined, { message: "No file given." })
  .refine((f) => !(f.file !== undefined && f.remove !== undefined), { message: "Give a file to add or --remove, not both." })
  .refine((f) => f.remove === undefined || (f.title ?? f.publisher ?? f.date) === undefined, { message: "--remove takes no --title, --publisher or --date." });

type Flags = z.infer<typeof flagsSchema>;

function parseFlags(): Flags {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      remove: { type: "string" },
      title: { type: "string" },
      publisher: { type: "string" },
      date: { type: "string" },
      "max-bytes": { type: "string" },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new Error(`One file at a time (got ${positionals.length}).`);
  return flagsSchema.parse({ ...values, maxBytes: values["max-bytes"] ?? (process.env.INGEST_MAX_BYTES?.trim() || undefined), file: positionals[0] });
}

/** The `ingest --json` contract: exactly these fields. */
export function addedToJson(added: AddedArticle) {
  return { file: added.file, docId: added.docId, characters: added.characters, chunks: added.chunks, ...(added.duplicateOf ? { duplicateOf: added.duplicateOf } : {}) };
}

function addedText(added: AddedArticle): string {
  const lines = [
    `Added ${added.file} (${added.docId}): “${added.title}”, ${added.characters.toLocaleString("en-US")} characters, ${added.chunks} passages.`,
    `Actors found: ${added.actors.length ? added.actors.join(", ") : "none"}.`,
  ];
  if (added.duplicateOf) lines.push(`It is a near-copy of ${added.duplicateOf}: its shared passages are answered from that article.`);
  return lines.join("\n");
}

/** Reads the file to add; a missing, unreadable or over-limit file is bad input, named. */
async function readSource(path: string, limit: number): Promise<Uint8Array> {
  const full = resolve(path);
  let size: number;
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new IngestError("missing", `${path} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError("missing", `${path} does not exist or cannot be read.`);
  }
  // Refused before reading: a huge file is never loaded.
  if (size > limit) throw new IngestError("too_large", `${path} is ${size.toLocaleString("en-US")} bytes; the limit is ${limit.toLocaleString("en-US")}.`);
  return readFile(full);
}

async function main(): Promise<number> {
  const flags = readFlags(parseFlags, USAGE);
  if (typeof flags === "number") return flags;
  const location = corpusLocationFromEnv(process.env, PROJECT_ROOT);
  const logger = cliLogger();
  try {
    // Everything that can be checked is checked before the model loads or anything is written.
    const limit = flags.maxBytes ?? DEFAULT_MAX_BYTES;
    const prepared = flags.file !== undefined ? prepareArticle({ name: flags.file, bytes: await readSource(flags.file, limit) }, flags, limit) : undefined;
    if (prepared) await checkAgainstCorpus(prepared, location);
    else await findArticle(flags.remove!, location);
    const { createEmbedder, embedderConfigFromEnv } = await import("../retrieval/embed/createEmbedder.js");
    const { addArticle, removeArticle } = await import("../retrieval/ingest/ingestArticle.js");
    const { CORPUS_INDEX_NAME, openVectorStore } = await import("../retrieval/store/openVectorStore.js");
    const { vectorStoreConfigFromEnv } = await import("../retrieval/store/vectorStoreConfig.js");
    const store = await openVectorStore(vectorStoreConfigFromEnv(process.env), { indexDir: join(location.dataDir, "index"), indexName: CORPUS_INDEX_NAME }, logger);
    try {
      const embedder = await createEmbedder(embedderConfigFromEnv(process.env), { logger });
      const context: IngestContext = { ...location, embedder, store, logger, onProgress: stderrProgress() };
      if (prepared) {
        const added = await addArticle(prepared, context);
        process.stdout.write(`${flags.json ? JSON.stringify(addedToJson(added)) : addedText(added)}\n`);
      } else {
        const removed = await removeArticle(flags.remove!, context);
        process.stdout.write(`${flags.json ? JSON.stringify({ file: removed.file, docId: removed.docId, removed: true }) : `Removed ${removed.file} (${removed.docId}): “${removed.title}”.`}\n`);
      }
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
}

runCli(main);
