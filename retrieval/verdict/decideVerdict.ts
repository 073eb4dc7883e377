import type { SentenceScore } from "../selectPassages.js";
import type { SmallTalk, Verdict } from "../types.js";
import { SMALL_TALK_REPLIES } from "../query/smallTalk.js";
import { predict } from "./logistic.js";
import { VERDICT_MODELS } from "./verdictModels.js";
import type { SubstitutedName } from "./substitutedNames.js";

/** What the verdict is decided from: the best sentence's scores and how much of the question the corpus knows. */
export interface VerdictFeatures {
  /** The best sentence's score and its parts, [0, 1]. */
  score: number;
  coverage: number;
  lexical: number;
  dense: number;
  typeMatch: number;
  /** 0 when a "how many" question's counted thing has no number in the best sentence. */
  counted: number;
  /** Around the best sentence: the share of what the question asks besides names, and its weightiest word. */
  asked: number;
  /** The same share in the best sentence itself. */
  askedInSentence: number;
  keyWord: number;
  /** 1 when every rare name of the question is around the best sentence. */
  namesFound: number;
  /** The highest share of the question's weight around any candidate sentence: is the corpus about this at all? */
  topicCoverage: number;
  /** The closest in meaning of any candidate sentence: a question sharing only a word with the articles ("victoria falls") is far from all of them. */
  topicDense: number;
  /** Share of the question's weight on words the corpus uses (after correction). */
  known: number;
  /** 1 when the best sentence passes the support rules (type, coverage, names, key word). */
  supported: number;
  /** How far the best sentence outscores the best of any other article: a stated answer stands out. */
  margin: number;
  /** The weightiest question word missing around the best sentence, relative to the weightiest word: 0 when all are there. */
  unmatched: number;
  /** 1 when every name of the question, common ones too, is around the best sentence. */
  allNames: number;
  /** Words of the question other than names missing around the best sentence: none 0, one 0.5, two or more 1. */
  askedMissing: number;
}

export const VERDICT_FEATURE_NAMES = ["score", "coverage", "lexical", "dense", "typeMatch", "counted", "asked", "askedInSentence", "keyWord", "namesFound", "topicCoverage", "topicDense", "known", "supported", "margin", "unmatched", "allNames", "askedMissing"] as const;
export type VerdictFeature = (typeof VERDICT_FEATURE_NAMES)[number];

/** `articleOf` names the article of a scored sentence (its `sentence` position). */
export function verdictFeatures(best: SentenceScore | undefined, scored: readonly SentenceScore[], knownShare: number, articleOf: (sentence: number) => string): VerdictFeatures {
  const bestArticle = best ? articleOf(best.sentence) : undefined;
  const runnerUp = scored.reduce((max, s) => (articleOf(s.sentence) !== bestArticle ? Math.max(max, s.score) : max), 0);
  return {
    score: best?.score ?? 0,
    coverage: best?.coverage ?? 0,
    lexical: best?.lexical ?? 0,
    dense: best?.dense ?? 0,
    typeMatch: best?.typeMatch ? 1 : 0,
    counted: !best || best.countFound ? 1 : 0,
    asked: best?.askedCoverage ?? 0,
    askedInSentence: best?.askedInSentence ?? 0,
    keyWord: best?.keyWordFound ? 1 : 0,
    namesFound: best && best.missingNames.length === 0 ? 1 : 0,
    topicCoverage: scored.reduce((max, s) => Math.max(max, s.coverage), 0),
    topicDense: scored.reduce((max, s) => Math.max(max, s.dense), 0),
    known: knownShare,
    supported: best?.supported ? 1 : 0,
    margin: best ? Math.max(0, best.score - runnerUp) : 0,
    unmatched: best?.unmatched ?? 1,
    allNames: best?.namesNotAround.length === 0 ? 1 : 0,
    askedMissing: best ? Math.min(best.askedMissing, 2) / 2 : 1,
  };
}

/**
 * Whether the corpus is about the question: the topic model's probability over its threshold, or
 * over a lower one when some passage is close in meaning to the question (`thresholds.close`): a
 * paraphrase shares few words with the articles but says what they say ("who accused members of
 * baghdad's cabinet of spying"), where an off-topic question sharing a word or two does not.
 */
export function isOnTopic(onTopic: number, features: Pick<VerdictFeatures, "topicDense">): boolean {
  const { thresholds } = VERDICT_MODELS;
  return onTopic >= thresholds.onTopic || (onTopic >= thresholds.close.onTopic && features.topicDense >= thresholds.close.topicDense);
}

export interface VerdictDecision {
  verdict: Verdict;
  /** P(the corpus is about this) and P(the best passage states the answer), from the fitted models. */
  onTopic: number;
  states: number;
  refusal?: string;
}

/**
 * Two calibrated models (fitted by `npm run fit-verdict`, see verdictModels.ts) decide: is the
 * corpus about the question at all (else `none`), and does the best passage state its answer
 * (`answered`, else `related`: the closest passages, said plainly not to be a confirmed answer).
 * The support rules (answer type, rare names, no actor of the question replaced by another of its
 * kind: see substitutedNames.ts, no name the articles never mention: see query/absentNames.ts, no
 * word a "why" question takes as given negated by the best sentence: see deniedPremise.ts) are
 * necessary for `answered`; the second model is fitted on, and decides among, the questions whose
 * best passage passes them, weighing how much of the rest of the question is around it. A question
 * naming a person, armed group or organisation of the actor registry (`namedActors`) is never `none`:
 * the articles are about them, however little of its wording they share ("why does the khafaji strike
 * matter"). One whose names the articles all lack, naming nothing they know (`namesKnown` false: "what
 * started the sudan civil war"), is about something else: `none`, whatever words it shares with them.
 * A question asking only what an actor is, or who leads a group, is answered by a sentence saying it
 * (`actorAnswer`), and one asking who leads now is not by a sentence naming a leader as killed, nor one
 * asking who leads a group whose leader the articles never name by any sentence.
 * A number the question states that the best sentence does not give ("why did the Guardian say 400
 * attacks" of "about 40 attacks", `unstatedNumbers`) is a premise it cannot confirm, and so is a place
 * it says the event happened at ("killed in Baghdad", `unstatedPlaces`), and so is the event
 * of a "why did X do Y" question when the passage does not say it (`unstatedVerb`), and so is X as its
 * doer when the best sentence reports the event without one ("were fired at", `unstatedAgent`), and so is what a
 * question naming nothing points at ("who caught a pass on this drive", `pointsAt`). A photo caption or an
 * embedded tweet (`fromAside`) is quoted, but confirms no answer other than who, where, when or how many:
 * short and dense with names and dates, it fits many questions it does not answer ("what did Sudani and
 * Blinken talk about" of "Sudani meets with Blinken in New York on September 23"). A greeting, thanks
 * or a request for help (`smallTalk`) asks nothing of the articles: `none`, saying how to ask.
 */
export function decideVerdict(
  features: VerdictFeatures,
  best: SentenceScore | undefined,
  questionWords: number,
  question: {
    substitutions?: readonly SubstitutedName[];
    absentNames?: readonly string[];
    /** The question names something the articles mention (a name of the corpus or an actor). */
    namesKnown?: boolean;
    namedActors?: readonly string[];
    denial?: string | undefined;
    actorAnswer?: "answers" | "no-longer" | "unnamed" | "not-leader" | "no-person" | undefined;
    /** The group a "who leads X" question asks about (`actorAnswer` says whether the articles name a leader of it). */
    leaderOf?: string | undefined;
    /** The word for the person whose name the question asks ("commander"; `actorAnswer` says whether the closest names anyone). */
    personAsked?: string | undefined;
    smallTalk?: SmallTalk | undefined;
    unstatedNumbers?: readonly string[];
    /** Places the question says its event happened at that the best passage does not mention ("killed in Baghdad"): see unstatedPlaces.ts. */
    unstatedPlaces?: readonly string[];
    unstatedVerb?: string | undefined;
    /** The doer a "why did X do …" question names, which the best sentence, reporting the event without one, does not. */
    unstatedAgent?: string | undefined;
    /** The phrase a question with no name points with ("this drive"): see unnamedReferent.ts. */
    pointsAt?: string | undefined;
    /** The best passage is a photo caption or an embedded tweet, and the question asks more than who, where, when or how many. */
    fromAside?: boolean;
  } = {},
): VerdictDecision {
  const { substitutions = [], absentNames = [], namesKnown = true, namedActors = [], denial, actorAnswer, leaderOf, personAsked, smallTalk, unstatedNumbers = [], unstatedPlaces = [], unstatedVerb, unstatedAgent, pointsAt, fromAside = false } = question;
  const { onTopic: topicModel, states: statesModel, thresholds } = VERDICT_MODELS;
  const onTopic = predict(topicModel, features);
  const states = predict(statesModel, features);
  if (smallTalk !== undefined) return { verdict: "none", onTopic, states, refusal: SMALL_TALK_REPLIES[smallTalk] };
  if (questionWords === 0) {
    return { verdict: "none", onTopic, states, refusal: "The question has no searchable words (only very common ones); please be more specific." };
  }
  // A question naming a person or group the articles are about is about them, however far its wording.
  if (!best || (!isOnTopic(onTopic, features) && namedActors.length === 0)) {
    return { verdict: "none", onTopic, states, refusal: "None of the articles is about this." };
  }
  if (absentNames.length > 0 && !namesKnown && namedActors.length === 0) {
    return { verdict: "none", onTopic, states, refusal: `None of the articles mentions ${absentNames.join(", ")}.` };
  }
  // "who is X", "who leads X" answered by a sentence saying it, as the actor registry knows (query/actorQuestions.ts).
  if (actorAnswer === "answers") return { verdict: "answered", onTopic, states };
  // What keeps the passage from being confirmed, the first that holds said in the reply: a name the articles
  // lack, then one missing near the passage (which also leaves it unsupported), another name in its place,
  // a denial, a number or the asked event not given, a leader no longer leading or never named.
  const reasons: [boolean, () => string][] = [
    [absentNames.length > 0, () => `none mentions ${absentNames.join(", ")}`],
    // A rare name, or a place the question puts the event at, not around the passage: one reason, both named.
    [best.missingNames.length + unstatedPlaces.length > 0, () => `none mentions ${[...new Set([...best.missingNames, ...unstatedPlaces])].join(", ")} there`],
    [substitutions.length > 0, () => `the closest name ${substitutions.map((s) => `${s.named.name}, not ${s.asked.name}`).join("; ")}`],
    [denial !== undefined, () => `the closest says “${denial}”`],
    [unstatedNumbers.length > 0, () => `the closest does not say ${unstatedNumbers.join(", ")}`],
    [unstatedVerb !== undefined, () => `the closest does not say “${unstatedVerb}”`],
    [unstatedAgent !== undefined, () => `the closest does not say ${unstatedAgent} did it`],
    [pointsAt !== undefined, () => `the question does not name what “${pointsAt}” points at`],
    [fromAside, () => "the closest is a photo caption or an embedded tweet, which says what the page shows, not what the article reports"],
    [actorAnswer === "no-longer", () => "the closest names a leader the articles say was killed, not who leads now"],
    [actorAnswer === "unnamed", () => `the articles name no leader of ${leaderOf}`],
    [actorAnswer === "not-leader", () => `the closest names no one as the leader of ${leaderOf}`],
    [actorAnswer === "no-person", () => `the closest does not name the ${personAsked}`],
  ];
  const reason = reasons.find(([holds]) => holds)?.[1]();
  if (best.supported && reason === undefined && states >= thresholds.states) return { verdict: "answered", onTopic, states };
  return { verdict: "related", onTopic, states, refusal: `The articles touch on this, but none of the passages found states what the question asks${reason ? ` (${reason})` : ""}.` };
}
