import type { ActorKind, ActorRegistry } from "../actors/types.js";
import { isAcronym, nameTokens, type NameToken } from "../actors/normalizeName.js";
import { termOf } from "../text/tokenize.js";
import { actorWithName } from "../actors/nameTerms.js";

/** Something a text names: an actor of the registry, or another name the articles use ("Masyaf"). */
export interface Subject {
  /** The canonical name (actors) or the name as the articles write it. */
  name: string;
  kind: ActorKind | "thing";
  actorId?: string;
}

/** What a pronoun can stand for: "he" a person, "they" a group, "there" a place or state. */
export type SubjectClass = "person" | "group" | "state" | "thing";

/** A subject found in a text, with where it was written. */
export interface FoundSubject extends Subject {
  start: number;
  end: number;
}

/** Finds what a question or passage is about: actors from the registry, and other names the articles capitalise (places, weapons). */
export interface SubjectFinder {
  find(text: string): FoundSubject[];
}

/** Capitalised words that are never a subject on their own: days, months, nationalities and a few titles. */
const NOT_SUBJECTS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october " +
    "november december iraqi iranian israeli lebanese syrian yemeni palestinian american saudi korean kurdish arab arabic shiite " +
    "sunni islamist zionist western eastern prime minister president secretary state general grand ayatollah navy army source related " +
    "articles font change the a an in on of and or but what who when where why how which is are was were did do does has have will " +
    "quran reuters afp"
  ).split(" "),
);

const MAX_NAME_WORDS = 6;

/** Which pronouns an actor kind answers to. */
export function classOf(kind: Subject["kind"]): SubjectClass {
  if (kind === "person") return "person";
  if (kind === "armed group" || kind === "organisation") return "group";
  if (kind === "state") return "state";
  return "thing";
}

/**
 * Words the articles write capitalised in mid-sentence and never in lower case ("Masyaf", "Erbil",
 * "Cheongung"), keyed by their lower-case form with the spelling the articles use: names a question
 * typed in lower case still names.
 */
function corpusNameWords(registry: ActorRegistry): Map<string, string> {
  const capitalised = new Map<string, string>();
  const lower = new Set<string>();
  for (const doc of registry.documents) {
    for (const match of doc.text.matchAll(/(?<![.!?]\s|^|\n)\b([\p{L}][\p{L}'’-]*)/gu)) {
      const word = match[1]!;
      const key = word.toLowerCase();
      if (/^\p{Lu}/u.test(word)) {
        if (!capitalised.has(key)) capitalised.set(key, word);
      } else lower.add(key);
    }
  }
  for (const key of lower) capitalised.delete(key);
  for (const key of NOT_SUBJECTS) capitalised.delete(key);
  for (const key of [...capitalised.keys()]) if (key.length < 3 || termOf(key) === undefined) capitalised.delete(key);
  return capitalised;
}

/** The subject finder over an actor registry and the articles it was built from. */
export function createSubjectFinder(registry: ActorRegistry): SubjectFinder {
  const names = corpusNameWords(registry);
  const actorAt = (tokens: readonly NameToken[], first: number): { end: number; actorId: string } | undefined => {
    for (let n = Math.min(MAX_NAME_WORDS, tokens.length - first); n >= 1; n--) {
      const span = tokens.slice(first, first + n);
      const actorId = actorWithName(registry, span.map((t) => t.raw).join(" "));
      if (actorId === undefined) continue;
      // A lone stop word ("it", "us") names nobody unless written as an acronym ("US").
      if (n === 1 && termOf(span[0]!.key) === undefined && !isAcronym(span[0]!.raw)) continue;
      return { end: first + n, actorId };
    }
    return undefined;
  };
  return {
    find(text) {
      const tokens = nameTokens(text);
      const found: FoundSubject[] = [];
      for (let i = 0; i < tokens.length; ) {
        const actor = actorAt(tokens, i);
        if (actor) {
          const a = registry.byId(actor.actorId)!;
          found.push({ name: a.name, kind: a.kind, actorId: a.id, start: tokens[i]!.start, end: tokens[actor.end - 1]!.end });
          i = actor.end;
          continue;
        }
        // A run of the articles' name words is one name ("Cheongung II" aside, "Umm al-Rashrash").
        let end = i;
        while (end < tokens.length && names.has(tokens[end]!.raw.toLowerCase()) && !actorAt(tokens, end)) end++;
        if (end > i) {
          const words = tokens.slice(i, end).map((t) => names.get(t.raw.toLowerCase())!);
          found.push({ name: words.join(" "), kind: "thing", start: tokens[i]!.start, end: tokens[end - 1]!.end });
          i = end;
          continue;
        }
        i++;
      }
      return found;
    },
  };
}
