import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findProseRegions } from "../../retrieval/corpus/findProseRegions.js";
import { loadActorRegistry } from "../../retrieval/actors/loadActorRegistry.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import type { Document, Span } from "../../retrieval/types.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

let registry: Promise<ActorRegistry> | undefined;

/** The registry over the seed corpus and the curated actors.json, built once per test file. */
export function seedRegistry(): Promise<ActorRegistry> {
  registry ??= loadActorRegistry({ projectRoot: PROJECT_ROOT });
  return registry;
}

/** The article's prose as the corpus loader sees it before copies lose their shared paragraphs. */
export function proseOf(doc: Document): Span[] {
  return findProseRegions(doc.text).regions;
}

/** Counts matches of a hand-written pattern in the article's prose, independently of the registry. */
export function countInProse(doc: Document, pattern: RegExp): number {
  const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
  return proseOf(doc).reduce((sum, r) => sum + [...doc.text.slice(r.start, r.end).matchAll(global)].length, 0);
}
