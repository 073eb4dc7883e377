import type { ActorRegistry } from "./types.js";
import { documentTexts } from "./documentTexts.js";
import { stateOfWord } from "../names/nationalities.js";
import { isStopWord, wordForm } from "../text/tokenize.js";
import { wordsBefore } from "./personRoles.js";

/** A group's state, as its word form ("lebanon"), read from how the articles and its names place it. */
export type GroupStates = ReadonlyMap<string, ReadonlySet<string>>;

const formsOf = (text: string) => (text.match(/[\p{L}\p{N}'’]+/gu) ?? []).map(wordForm);

/**
 * The states the articles tie each armed group and organisation to: a nationality or state in the
 * clause just before a mention ("Lebanese Hezbollah", "the Palestinian militant group Hamas"),
 * "in"/"of" a state right after it ("Hezbollah in Lebanon", "the Houthis in Yemen"), and a state
 * in any of its names ("Islamic Resistance in Iraq"). A question may name a group by these
 * ("the lebanese group") where it is the only one so placed.
 */
export function buildGroupStates(registry: ActorRegistry): GroupStates {
  const textOf = documentTexts(registry);
  const states = new Map<string, Set<string>>();
  for (const actor of registry.actors) {
    if (actor.kind !== "armed group" && actor.kind !== "organisation") continue;
    const found = new Set<string>();
    for (const name of [actor.name, ...actor.aliases]) for (const form of formsOf(name)) found.add(stateOfWord(form) ?? "");
    for (const mention of registry.mentions.get(actor.id) ?? []) {
      const text = textOf.get(mention.docId) ?? "";
      // Read back from the name to the first stop word, as a person's description is: "success against Hezbollah" places it nowhere.
      for (const form of wordsBefore(text, mention.start).map(wordForm)) {
        if (isStopWord(form)) break;
        found.add(stateOfWord(form) ?? "");
      }
      const [preposition, next] = formsOf(text.slice(mention.end, mention.end + 40));
      if (preposition === "in" || preposition === "of") found.add(stateOfWord(next ?? "") ?? "");
    }
    found.delete("");
    if (found.size > 0) states.set(actor.id, found);
  }
  return states;
}
