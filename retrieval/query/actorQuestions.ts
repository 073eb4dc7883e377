import type { ActorMention, ActorRegistry } from "../actors/types.js";
import { documentTexts } from "../actors/documentTexts.js";
import { definingSentencesOf } from "../actors/findDefiningSentences.js";
import { roleBefore } from "../actors/personRoles.js";
import { termOf, tokenize } from "../text/tokenize.js";
import { actorNamedIn, actorWithName } from "../actors/nameTerms.js";
import type { Span } from "../types.js";

/**
 * Questions the actor registry answers better than word overlap: what an actor is ("who is
 * sistani") and who leads a group ("who leads hezbollah"). For each, the sentences that say it are
 * known before searching (the defining sentences /actor quotes; "Hezbollah leader Hassan Nasrallah"),
 * and are ranked first.
 */

/**
 * A sentence of an article that says what the question asks, and how plainly, in (0, 1]; `former`
 * when it names a leader as killed or former ("the US killed Kataib Hezbollah leader Abu Mahdi al-Muhandis").
 */
export type FavouredSentence = Span & { docId: string; score: number; former?: boolean };

/** "who is X", "what are the X", "tell me about X", "what does X do", "what is X's job", "X?": asking only what X is. */
const DEFINE = [
  /^\s*(?:(?:who|what)\s+(?:is|are|was|were)\s+|(?:tell\s+me|what\s+do\s+(?:we|you)\s+know)\s+about\s+)(?:the\s+)?(.+?)\s*[?.!]*\s*$/iu,
  /^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(.+?)\s+do(?:\s+for\s+(?:work|a\s+living))?\s*[?.!]*\s*$/iu,
  /^\s*what\s+(?:is|was)\s+(?:the\s+)?(.+?)['’]s?\s+(?:job|role|position|title)\s*[?.!]*\s*$/iu,
  // "what kh is", "who sistani was": the word order of a question asked indirectly ("can you tell me what kh is").
  /^\s*(?:who|what)\s+(?:the\s+)?(.+?)\s+(?:is|are|was|were)\s*[?.!]*\s*$/iu,
  // A name alone, as people type it in a channel ("hezbollah?", "info on qaani", "what about the pmf";
  // "what's the deal with X" reaches here as "what about X", see chatNoise.ts).
  /^\s*(?:(?:info|information|details|background|anything)\s+(?:on|about)\s+|what\s+about\s+)?(?:the\s+)?(.+?)\s*[?.!]*\s*$/iu,
];

/** "who leads X", "who is in charge of X", "who is the head of X", "who is X's commander". */
const LEADER_OF = [
  /^\s*who\s+(currently\s+)?(?:leads|led|heads|headed|runs|ran|commands|commanded|(?:is|was)\s+(?:leading|heading|running|commanding|in\s+charge\s+of))\s+(?:the\s+)?(.+?)(?:\s+(now|today|currently))?\s*[?.!]*\s*$/iu,
  /^\s*who\s+(?:is|was|are|were)\s+(?:the\s+)?(?:(current|new|now)\s+)?(?:leader|head|chief|commander|boss)\s+(?:of|at)\s+(?:the\s+)?(.+?)(?:\s+(now|today))?\s*[?.!]*\s*$/iu,
  /^\s*who\s+(?:is|was)\s+(?:the\s+)?(?:(current|new)\s+)?(.+?)(?:['’]s?)?\s+(?:leader|head|chief|commander|boss)(?:\s+(now|today))?\s*[?.!]*\s*$/iu,
];
/** Words before a leader's role that say the leader is no longer one: killed, or former. */
const NO_LONGER = /\b(?:kill(?:ed|ing|s)?|assassinat\w*|slain|late|former|ex|death|dead|murder(?:ed)?)\b/iu;
/** The words that, in front of a person's name, say they lead what the words before them name. */
const LEADERSHIP = new Set(["leader", "head", "chief", "commander", "boss", "chairman"].map((w) => termOf(w)!));
/** Verbs saying someone leads: "led by", "heads". */
const LEADS = new Set(["leads", "led", "heads", "headed", "commands", "commanded"].map((w) => termOf(w)!));

/**
 * The actor a question asks to be told about ("who is sistani", "what is the PMF"), as the
 * question is searched (chat noise gone, spellings corrected): only when the rest of it is exactly
 * one actor's name. Such a question is answered best by a sentence that says who or what the actor
 * is ("X, a senior leader of …"), as /actor quotes, rather than by any sentence naming them.
 */
export function actorToDefine(searched: string, actors: ActorRegistry): string | undefined {
  for (const pattern of DEFINE) {
    const name = pattern.exec(searched)?.[1];
    const id = name === undefined ? undefined : actorWithName(actors, name);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** A question asking who leads a group; `current` when it asks who does now ("the current leader"). */
export interface LeaderQuestion {
  groupId: string;
  current: boolean;
}

/** The armed group or organisation a question asks the leader of ("who leads hezbollah", "who is kh's boss"). */
export function leaderAsked(searched: string, actors: ActorRegistry): LeaderQuestion | undefined {
  for (const pattern of LEADER_OF) {
    const match = pattern.exec(searched);
    if (!match) continue;
    const [name, ...when] = [match[2], match[1], match[3]];
    const id = name === undefined ? undefined : actorWithName(actors, name);
    const kind = id === undefined ? undefined : actors.byId(id)?.kind;
    if (kind === "armed group" || kind === "organisation") return { groupId: id!, current: when.some((w) => w !== undefined) };
  }
  return undefined;
}

/** Words for a person by what they do or are: asking a name with one asks for a person's name. */
const PERSON_ROLES =
  "commander|leader|chief|head|boss|official|spokesman|spokeswoman|spokesperson|representative|rep|envoy|ambassador|minister|general|officer|cleric|deputy|founder|president|premier|analyst|expert|journalist|reporter|correspondent|writer|author|soldier|fighter|operative|member|figure|aide|adviser|advisor|negotiator|successor|secretary|guy|man|woman|person";
/**
 * "what's the name of the houthi commander killed…", "who was the hamas rep in baghdad", "the envoy's
 * name"; `byName` for those that say "name".
 */
const PERSON_NAME_ASKED: readonly { pattern: RegExp; byName: boolean }[] = [
  { pattern: new RegExp(`\\bnames?\\s+of\\s+(?:(?:the|that|this|a|an|his|her|their|its)\\s+)?(?:[\\p{L}\\p{N}'’-]+\\s+){0,5}?(${PERSON_ROLES})s?\\b`, "iu"), byName: true },
  { pattern: new RegExp(`^\\s*who\\s+(?:is|was)\\s+(?:the|that|this)\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,4}?(${PERSON_ROLES})s?\\b`, "iu"), byName: false },
  { pattern: new RegExp(`\\b(${PERSON_ROLES})s?['’]s?\\s+names?\\b`, "iu"), byName: true },
];

/**
 * The word for the person whose name a question asks ("commander" of "what was the name of the houthi
 * commander killed in july"): such a question is answered only by a sentence naming a person. `byName`
 * when it says "name"; "who is the hamas rep" asks it too, unless it names the person ("who is the
 * religious figure sistani").
 */
export function personNameAsked(searched: string): { role: string; byName: boolean } | undefined {
  for (const { pattern, byName } of PERSON_NAME_ASKED) {
    const role = pattern.exec(searched)?.[1];
    if (role !== undefined) return { role: role.toLowerCase(), byName };
  }
  return undefined;
}

/**
 * The sentences where the articles name someone as the group's leader ("Hezbollah leader Hassan
 * Nasrallah", "Quds Force commander Esmail Qaani"): a leadership word just before the person's name,
 * and the group's name, and no longer group name, in the words before it. A sentence saying the
 * leader was killed ("the assassination of Hezbollah leader …") is marked `former`.
 */
export function leaderSentences(actors: ActorRegistry, groupId: string): FavouredSentence[] {
  return leaderSentencesByGroup(actors).get(groupId) ?? [];
}

/** The sentence of the articles holding a mention. */
const sentenceHolding = (actors: ActorRegistry, mention: Span & { docId: string }) =>
  actors.sentences.get(mention.docId)?.find((s) => s.start <= mention.start && mention.end <= s.end);

/** Every group's leader sentences, read in one pass over the people's mentions once per registry, not per question. */
const LEADER_SENTENCES = new WeakMap<ActorRegistry, ReadonlyMap<string, FavouredSentence[]>>();
function leaderSentencesByGroup(actors: ActorRegistry): ReadonlyMap<string, FavouredSentence[]> {
  const cached = LEADER_SENTENCES.get(actors);
  if (cached) return cached;
  const textOf = documentTexts(actors);
  const byGroup = new Map<string, FavouredSentence[]>();
  for (const person of actors.actors) {
    if (person.kind !== "person") continue;
    for (const mention of actors.mentions.get(person.id) ?? []) {
      const role = roleBefore(person.id, textOf.get(mention.docId) ?? "", mention.start);
      if (!role || !LEADERSHIP.has(role.role)) continue;
      const groupId = actorNamedIn(role.modifiers, actors, ["armed group", "organisation"]);
      const sentence = sentenceHolding(actors, mention);
      if (groupId === undefined || !sentence) continue;
      const former = NO_LONGER.test(textOf.get(mention.docId)!.slice(sentence.start, mention.start));
      const found = byGroup.get(groupId) ?? [];
      found.push({ docId: mention.docId, start: sentence.start, end: sentence.end, score: 1, ...(former ? { former } : {}) });
      byGroup.set(groupId, found);
    }
  }
  LEADER_SENTENCES.set(actors, byGroup);
  return byGroup;
}

/**
 * The sentences that say what an actor question asks, as the registry knows them; none for
 * another question, or without a registry (a benchmark corpus). `current` when the question asks
 * who leads now, which a leader the articles say was killed does not answer.
 */
export function favouredSentencesFor(searched: string, actors: ActorRegistry | undefined): FavouredFor {
  const defined = actors && actorToDefine(searched, actors);
  if (defined !== undefined) return { sentences: definingSentencesOf(actors!, defined), current: false, defines: true };
  const leader = actors && leaderAsked(searched, actors);
  if (!leader) {
    const asked = actors && personNameAsked(searched);
    return asked ? { sentences: [], current: false, defines: false, personAsked: asked.role, nameAsked: asked.byName, people: peopleNamed(actors!) } : { sentences: [], current: false, defines: false };
  }
  const sentences = leaderSentences(actors!, leader.groupId);
  const unnamed = sentences.length === 0 && !leadershipNear(actors!, leader.groupId);
  const group = actors!.byId(leader.groupId)!.name;
  return { sentences, current: leader.current, defines: false, leaderOf: group, people: peopleNamed(actors!), ...(unnamed ? { leaderUnnamed: group } : {}) };
}

/** Where the articles name a person, read once per registry: a leader is a person. */
const PEOPLE_NAMED = new WeakMap<ActorRegistry, readonly ActorMention[]>();
function peopleNamed(actors: ActorRegistry): readonly ActorMention[] {
  const cached = PEOPLE_NAMED.get(actors);
  if (cached) return cached;
  const people = actors.actors.filter((a) => a.kind === "person").flatMap((a) => actors.mentions.get(a.id) ?? []);
  PEOPLE_NAMED.set(actors, people);
  return people;
}

export interface FavouredFor {
  sentences: FavouredSentence[];
  current: boolean;
  defines: boolean;
  /** For "who leads X": X's name, and where the articles name anyone. */
  leaderOf?: string;
  people?: readonly ActorMention[];
  /** For "who leads X" when no sentence naming X speaks of a leader at all: X's name. */
  leaderUnnamed?: string;
  /** For "what's the name of the commander…", "who is the hamas rep…": the word for the person asked, and where the articles name anyone. */
  personAsked?: string;
  /** The question says "name" ("the name of the commander"): naming a person itself, it still asks another's. */
  nameAsked?: boolean;
}

/** Whether any sentence naming the group has a leadership word ("Abbas Al-Zaidi—a leader in Kataib Sayyid al-Shuhada"), read once per registry and group. */
const LEADERSHIP_NEAR = new WeakMap<ActorRegistry, Map<string, boolean>>();
function leadershipNear(actors: ActorRegistry, groupId: string): boolean {
  let byGroup = LEADERSHIP_NEAR.get(actors);
  if (!byGroup) LEADERSHIP_NEAR.set(actors, (byGroup = new Map()));
  const known = byGroup.get(groupId);
  if (known !== undefined) return known;
  const textOf = documentTexts(actors);
  const near = (actors.mentions.get(groupId) ?? []).some((mention) => {
    const sentence = sentenceHolding(actors, mention);
    return sentence !== undefined && tokenize(textOf.get(mention.docId)!.slice(sentence.start, sentence.end)).some((t) => LEADERSHIP.has(t) || LEADS.has(t));
  });
  byGroup.set(groupId, near);
  return near;
}

/** How much a sentence's saying what the question asks counts against its score for the question. */
export const FAVOURED_WEIGHT = 0.5;

/**
 * Each sentence's score mixed with how plainly it says what the question asks (0 for one that
 * does not), so "X, a senior official of …" comes first for "who is X". A favoured passage of two
 * sentences ("… the Popular Mobilization Units. These are …") counts for both. `sentenceAt` gives
 * a scored sentence's document and offsets.
 */
export function favourSentences<T extends { sentence: number; score: number }>(
  scored: readonly T[],
  favoured: readonly FavouredSentence[],
  sentenceAt: (sentence: number) => Span & { docId: string },
): T[] {
  return scored.map((s) => ({ ...s, score: (1 - FAVOURED_WEIGHT) * s.score + FAVOURED_WEIGHT * favouredAt(favoured, sentenceAt(s.sentence)) }));
}

/** The favoured passages that contain the sentence. */
const containing = (favoured: readonly FavouredSentence[], sentence: Span & { docId: string }) =>
  favoured.filter((d) => d.docId === sentence.docId && d.start <= sentence.start && sentence.end <= d.end);

/** How plainly the sentence says what the question asks: the best favoured passage containing it, 0 for none. */
export function favouredAt(favoured: readonly FavouredSentence[], sentence: Span & { docId: string }): number {
  return Math.max(0, ...containing(favoured, sentence).map((d) => d.score));
}

/** A sentence this plain in saying it (a role before the name, or plainer) states the answer. */
export const FAVOURED_ANSWERS = 0.7;

/**
 * What a favoured sentence means for the verdict: "answers" when it says what was asked plainly
 * enough; "no-longer" when the question asks who leads now and the sentence names only a leader
 * it says was killed; "unnamed" when it asks who leads a group no sentence naming it speaks of a
 * leader of ("who is the leader of hamas"): a sentence about the group does not answer it;
 * "not-leader" when it asks who leads a group and the sentence neither names its leader nor any
 * person; "no-person" when it asks a person's name and the sentence names no one but the people the
 * question names (`namedInQuestion`, actor ids); undefined when it is not favoured (the verdict models decide).
 */
export function favouredVerdict(
  favoured: Pick<FavouredFor, "sentences" | "current" | "leaderOf" | "people" | "leaderUnnamed" | "personAsked" | "nameAsked">,
  sentence: Span & { docId: string },
  namedInQuestion: ReadonlySet<string> = new Set(),
): "answers" | "no-longer" | "unnamed" | "not-leader" | "no-person" | undefined {
  if (favoured.leaderUnnamed !== undefined) return "unnamed";
  const around = containing(favoured.sentences, sentence);
  if (favoured.current && around.length > 0 && around.every((d) => d.former)) return "no-longer";
  // Asked for a person, a sentence naming only places and groups ("a mid-level Houthi commander") does not answer.
  const namesPerson = (favoured.people ?? []).some((m) => m.docId === sentence.docId && m.start >= sentence.start && m.end <= sentence.end && !namedInQuestion.has(m.actorId));
  if (favoured.leaderOf !== undefined && around.length === 0 && !namesPerson) return "not-leader";
  if (favoured.personAsked !== undefined && !namesPerson && (favoured.nameAsked || namedInQuestion.size === 0)) return "no-person";
  return favouredAt(around, sentence) >= FAVOURED_ANSWERS ? "answers" : undefined;
}
