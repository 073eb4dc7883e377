import { isArticle, nameTokens } from "./normalizeName.js";
import type { Actor } from "./types.js";

/**
 * What articles call a person after the first mention: the surname alone ("Qaani", "Khafaji"),
 * with its Arabic article when the full name has one ("Al-Zaidi said", "al-Muhandis").
 */
export function personShortNames(actor: Actor): string[] {
  if (actor.kind !== "person") return [];
  const short = new Set<string>();
  for (const name of [actor.name, ...actor.aliases]) {
    const tokens = nameTokens(name);
    const words = tokens.filter((t) => !isArticle(t.key));
    const last = tokens[tokens.length - 1];
    if (words.length < 2 || !last || isArticle(last.key)) continue;
    short.add(last.raw);
    const before = tokens[tokens.length - 2];
    if (before && isArticle(before.key)) short.add(`${before.raw}-${last.raw}`);
  }
  return [...short];
}
