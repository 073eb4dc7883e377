import type { ActorRegistry } from "./types.js";

const TEXTS = new WeakMap<ActorRegistry, ReadonlyMap<string, string>>();

/** Each article's text by id, for reading around mentions: built once per registry, shared by its readers. */
export function documentTexts(registry: ActorRegistry): ReadonlyMap<string, string> {
  let texts = TEXTS.get(registry);
  if (!texts) TEXTS.set(registry, (texts = new Map(registry.documents.map((d) => [d.id, d.text]))));
  return texts;
}
