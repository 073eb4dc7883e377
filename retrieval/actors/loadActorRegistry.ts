import { join } from "node:path";
import { loadCorpus } from "../corpus/loadCorpus.js";
import type { Document } from "../types.js";
import { buildActorRegistry } from "./buildActorRegistry.js";
import { loadCuratedActors } from "./curatedActors.js";
import type { ActorRegistry } from "./types.js";

export interface ActorRegistryOptions {
  projectRoot: string;
  /** Default `<projectRoot>/corpus/articles`. */
  corpusDir?: string;
  /** Default `<projectRoot>/corpus/actors.json`. */
  curatedFile?: string;
  /** Documents already loaded (the bot passes `engine.documents()`), instead of reading the corpus again. */
  documents?: readonly Document[];
}

/** Reads the curated actor file (and the corpus, unless given) and builds the registry. */
export async function loadActorRegistry(options: ActorRegistryOptions): Promise<ActorRegistry> {
  const curated = await loadCuratedActors(options.curatedFile ?? join(options.projectRoot, "corpus", "actors.json"));
  const documents = options.documents ?? (await loadCorpus(options.corpusDir ?? join(options.projectRoot, "corpus", "articles"), options.projectRoot));
  return buildActorRegistry(documents, curated);
}
