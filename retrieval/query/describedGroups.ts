import type { ActorRegistry } from "../actors/types.js";
import type { GroupStates } from "../actors/groupStates.js";
import type { PersonRole } from "../actors/personRoles.js";
import { actorNamedIn, actorWithName } from "../actors/nameTerms.js";
import { namesState, stateOfNationality } from "../names/nationalities.js";
import { isStopWord, termOf, tokenize } from "../text/tokenize.js";
import type { WeightedTerm } from "./understandQuestion.js";

/** A group described is that group: its name counts as the word itself, as a described person's does. */
export const DESCRIBED_GROUP_WEIGHT = 1;

/** Words that say "an armed group" ("the lebanese movement", "yemen's rebels"), as terms. */
const GROUP_NOUNS = new Set(["group", "movement", "militia", "rebel", "faction", "outfit", "militant", "organisation", "organization", "fighter"].map((w) => termOf(w)!));

/** How many words before the group word may place it ("the lebanese shia movement"). */
const MODIFIER_REACH = 3;

/** What a question's described group is read against. */
export interface GroupLexicon {
  actors: ActorRegistry;
  groupStates: GroupStates;
  personRoles: readonly PersonRole[];
  hasTerm: (term: string) => boolean;
}

/** The armed groups the articles place in `state`. */
function groupsIn(state: string, lexicon: GroupLexicon): string[] {
  return [...lexicon.groupStates].filter(([id, states]) => states.has(state) && lexicon.actors.byId(id)?.kind === "armed group").map(([id]) => id);
}

/**
 * The armed group a person is described as leading or belonging to ("Hezbollah leader Hassan
 * Nasrallah"): the one group the words describing them name whole, the longest name winning
 * ("Kataib Hezbollah" over "Hezbollah").
 */
export function groupOfPerson(personId: string, lexicon: Pick<GroupLexicon, "actors" | "personRoles">): string | undefined {
  const described = new Set(lexicon.personRoles.filter((r) => r.actorId === personId).flatMap((r) => [r.role, ...r.modifiers]));
  return actorNamedIn(described, lexicon.actors, ["armed group"]);
}

/**
 * "The lebanese movement", "yemen's rebels", "nasrallah's group": a question may describe an armed
 * group by where the articles place it (actors/groupStates.ts) or by a person they tie to it,
 * rather than name it. When the group word at `at` is described so and exactly one group fits,
 * that group's name is searched for too. `forms` are the question's word forms, `possessive`
 * whether each was typed with "'s". A state naming several groups ("iraqi militias") adds nothing.
 */
export function describedGroupTerms(forms: readonly string[], possessive: readonly boolean[], at: number, lexicon: GroupLexicon): DescribedGroup | undefined {
  const noun = termOf(forms[at]!);
  if (noun === undefined || !GROUP_NOUNS.has(noun)) return undefined;
  let groupId: string | undefined;
  let describedBy = -1;
  for (let i = at - 1; i >= Math.max(0, at - MODIFIER_REACH) && groupId === undefined; i--) {
    const form = forms[i]!;
    if (isStopWord(form)) break;
    if (namesState(form)) {
      const groups = groupsIn(stateOfNationality(form) ?? form, lexicon);
      if (groups.length !== 1) return undefined;
      groupId = groups[0];
      describedBy = i;
    } else if (possessive[i]) {
      const id = actorWithName(lexicon.actors, form);
      const person = id === undefined ? undefined : lexicon.actors.byId(id);
      if (person?.kind !== "person") return undefined;
      groupId = groupOfPerson(person.id, lexicon);
      if (groupId === undefined) return undefined;
      describedBy = i;
    }
  }
  const group = groupId === undefined ? undefined : lexicon.actors.byId(groupId);
  if (!group) return undefined;
  const terms = tokenize(group.name).filter((t) => lexicon.hasTerm(t) && !forms.some((f) => termOf(f) === t));
  return terms.length > 0 ? { groupId: group.id, terms: terms.map((term) => ({ term, weight: DESCRIBED_GROUP_WEIGHT })), describedBy } : undefined;
}

/** A group the question describes: its name's terms, and the word that placed it ("lebanese" of "the lebanese movement"). */
export interface DescribedGroup {
  groupId: string;
  terms: WeightedTerm[];
  describedBy: number;
}
