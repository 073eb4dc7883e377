import type { ActorRegistry } from "../actors/types.js";
import { roleTerm, type PersonRole } from "../actors/personRoles.js";
import { namesState } from "../names/nationalities.js";
import { termOf, wordForm } from "../text/tokenize.js";
import type { WeightedTerm } from "./understandQuestion.js";
import { groupOfPerson } from "./describedGroups.js";

/** A person described as the articles describe them is that person: the name counts as the word itself, as a described capital does. */
export const DESCRIBED_PERSON_WEIGHT = 1;
/** How many words before the role word ("iraq's top ayatollah") may describe it further. */
const MODIFIER_REACH = 3;

/** The question's words around a role word: before it, and after "of" ("the commander of the Quds Force"). */
function formsAround(forms: readonly string[], at: number): string[] {
  return [...forms.slice(Math.max(0, at - MODIFIER_REACH), at), ...(forms[at + 1] === "of" ? forms.slice(at + 2, at + 4) : [])];
}

/** A role word the articles use this often or less names one person by itself ("ayatollah"); a common one ("commander") needs a word around it that fits. */
const RARE_ROLE_USES = 2;

const termsOf = (forms: readonly string[]) => new Set(forms.map(roleTerm).filter((t): t is string => t !== undefined));

/** Words for whoever leads, as people type them, read as the articles' "leader" where they name no "chief". */
const LEADER_WORDS = new Set(["chief", "head", "boss", "leader", "chairman"].map((w) => roleTerm(w)!));
const LEADER = roleTerm("leader")!;

/** A group described just before the role word ("the lebanese militia chief"): the person is one of its own, and the word that placed it is no state of theirs. */
export interface RoleGroup {
  groupId: string;
  describedBy: number;
}

/**
 * "Iraq's top ayatollah", "the iraqi prime minister": a question may describe a person the way the
 * articles do in front of the name (see actors/personRoles.ts) rather than name them. When the role
 * word at `at` and the words around it describe exactly one person of the articles, and the question
 * does not already name them, that person's surname is searched for too. A state the question names
 * around the role must be one the articles give that person in front of the name ("iran's top
 * ayatollah" is not Sistani; "the iraqi prime minister" is nobody where the articles write only
 * "Prime Minister Mohammed Shia al-Sudani"); `uses` counts a word form in the articles.
 */
export function describedPersonTerms(
  forms: readonly string[],
  at: number,
  roles: readonly PersonRole[],
  registry: ActorRegistry,
  corpus: { hasTerm: (term: string) => boolean; uses: (form: string) => number },
  group?: RoleGroup,
): WeightedTerm[] {
  const typedRole = roleTerm(forms[at]!);
  if (typedRole === undefined) return [];
  const role = group && LEADER_WORDS.has(typedRole) && !roles.some((r) => r.role === typedRole) ? LEADER : typedRole;
  const ofGroup = (actorId: string) => !group || groupOfPerson(actorId, { actors: registry, personRoles: roles }) === group.groupId;
  const candidates = new Set(roles.filter((r) => r.role === role && ofGroup(r.actorId)).map((r) => r.actorId));
  if (candidates.size === 0) return [];
  const around = formsAround(group ? forms.map((f, i) => (i === group.describedBy ? "" : f)) : forms, at);
  const modifiers = termsOf(around);
  const states = termsOf(around.filter(namesState));
  const described = [...candidates].map((actorId) => {
    const all = new Set(roles.filter((r) => r.actorId === actorId).flatMap((r) => [...r.modifiers]));
    const fit = [...modifiers].filter((m) => all.has(m)).length;
    const contradicted = [...states].some((s) => !all.has(s));
    return { actorId, fit, contradicted };
  });
  const open = described.filter((d) => !d.contradicted);
  const best = Math.max(-1, ...open.map((d) => d.fit));
  const chosen = open.filter((d) => d.fit === best);
  if (chosen.length !== 1 || (best === 0 && !group && corpus.uses(forms[at]!) > RARE_ROLE_USES)) return [];
  const actor = registry.byId(chosen[0]!.actorId);
  const surname = actor?.name.split(/\s+/u).at(-1);
  const term = surname === undefined ? undefined : termOf(wordForm(surname.replace(/^al-/iu, "")));
  if (term === undefined || !corpus.hasTerm(term) || forms.some((f) => termOf(f) === term)) return [];
  return [{ term, weight: DESCRIBED_PERSON_WEIGHT }];
}
