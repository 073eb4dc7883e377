import type { ActorRegistry } from "./types.js";
import { documentTexts } from "./documentTexts.js";
import { termOf, wordForm } from "../text/tokenize.js";
import { stateOfNationality } from "../names/nationalities.js";

/**
 * How the articles describe a person in front of the name: "the senior Iraqi cleric Ali al-Sistani",
 * "Iraqi Prime Minister Mohammed Shia' Al Sudani", and the titles of the actor's other names ("Grand
 * Ayatollah Ali al-Sistani"). `role` is the word just before the name (cleric, minister, ayatollah),
 * `modifiers` the words before it; all are search terms, a nationality as its state ("Iraqi" as "iraq").
 */
export interface PersonRole {
  actorId: string;
  role: string;
  modifiers: ReadonlySet<string>;
}

/** How far before a name its description is read, in words. */
const DESCRIPTION_WORDS = 4;

/** The search term of a described word, a nationality standing for its state. */
export function roleTerm(form: string): string | undefined {
  const state = stateOfNationality(form);
  return termOf(state ?? form);
}

/** The words before `end` in the same clause, nearest first, up to DESCRIPTION_WORDS: a description of what follows. */
export function wordsBefore(text: string, end: number): string[] {
  const clause = text.slice(Math.max(0, end - 80), end).split(/[.,;:!?()"“”—–\n]/u).at(-1) ?? "";
  return (clause.match(/[\p{L}\p{N}'’]+/gu) ?? []).reverse().slice(0, DESCRIPTION_WORDS);
}

/** A description from its words, nearest the name first: stops at the first stop word ("the", "by"). */
function roleOf(actorId: string, words: readonly string[]): PersonRole | undefined {
  const terms: string[] = [];
  for (const word of words) {
    const term = roleTerm(wordForm(word));
    if (term === undefined) break;
    terms.push(term);
  }
  const [role, ...modifiers] = terms;
  return role === undefined ? undefined : { actorId, role, modifiers: new Set(modifiers) };
}

/** How the text describes the actor named at `start`, if it does ("Hezbollah leader Hassan Nasrallah"). */
export function roleBefore(actorId: string, text: string, start: number): PersonRole | undefined {
  return roleOf(actorId, wordsBefore(text, start));
}

/** Every description of a person in the articles and in the titles of its names. */
export function buildPersonRoles(registry: ActorRegistry): PersonRole[] {
  const roles: PersonRole[] = [];
  const textOf = documentTexts(registry);
  for (const actor of registry.actors) {
    if (actor.kind !== "person") continue;
    for (const mention of registry.mentions.get(actor.id) ?? []) {
      const role = roleBefore(actor.id, textOf.get(mention.docId) ?? "", mention.start);
      if (role) roles.push(role);
    }
    // A title in another name ("Grand Ayatollah Ali al-Sistani"): the words before the canonical name's first word.
    const first = actor.name.split(/\s+/u)[0]!;
    for (const alias of actor.aliases) {
      const at = alias.indexOf(` ${first}`);
      if (at > 0) {
        const role = roleOf(actor.id, wordsBefore(alias, at));
        if (role) roles.push(role);
      }
    }
  }
  return roles;
}
