import { describe, expect, it } from "vitest";
import { decideVerdict, isOnTopic, VERDICT_FEATURE_NAMES, type VerdictFeatures } from "../../retrieval/verdict/decideVerdict.js";
import { VERDICT_MODELS } from "../../retrieval/verdict/verdictModels.js";
import type { SentenceScore } from "../../retrieval/selectPassages.js";

/** Features of a question that shares almost nothing with its closest sentence. */
const FAR: VerdictFeatures = Object.fromEntries(VERDICT_FEATURE_NAMES.map((name) => [name, 0])) as unknown as VerdictFeatures;
const NEAR: VerdictFeatures = Object.fromEntries(VERDICT_FEATURE_NAMES.map((name) => [name, name === "unmatched" || name === "askedMissing" ? 0 : 1])) as unknown as VerdictFeatures;
const BEST = { sentence: 0, supported: true, missingNames: [] } as unknown as SentenceScore;

describe("decideVerdict", () => {
  it("says none when the articles are far from the question, and answers when a passage is close on every feature", () => {
    expect(decideVerdict(FAR, BEST, 3).verdict).toBe("none");
    expect(decideVerdict(NEAR, BEST, 3).verdict).toBe("answered");
  });

  it("never says none of a question naming a person or group of the articles: it is about them", () => {
    const decision = decideVerdict(FAR, BEST, 3, { namedActors: ["Abu Haidar al-Khafaji"] });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/none of the passages found states what the question asks/);
  });

  it("still says none with no passage at all, or no searchable word", () => {
    expect(decideVerdict(FAR, undefined, 3, { namedActors: ["Kataib Hezbollah"] }).verdict).toBe("none");
    expect(decideVerdict(NEAR, BEST, 0, { namedActors: ["Kataib Hezbollah"] }).verdict).toBe("none");
  });

  it("does not answer when a name of the question is absent from the articles or replaced by another", () => {
    expect(decideVerdict(NEAR, BEST, 3, { absentNames: ["japan"] }).refusal).toMatch(/none mentions japan/);
    const substitution = { asked: { name: "Beirut", kind: "thing" as const }, named: { name: "Baghdad", kind: "thing" as const } };
    expect(decideVerdict(NEAR, BEST, 3, { substitutions: [substitution] }).verdict).toBe("related");
  });

  it("says none of a question whose names the articles all lack, naming nothing they know, however close its words", () => {
    const decision = decideVerdict(NEAR, BEST, 3, { absentNames: ["sudan"], namesKnown: false });
    expect(decision.verdict).toBe("none");
    expect(decision.refusal).toMatch(/None of the articles mentions sudan/);
    expect(decideVerdict(NEAR, BEST, 3, { absentNames: ["sudan"], namesKnown: true }).verdict).toBe("related");
    expect(decideVerdict(NEAR, BEST, 3, { absentNames: ["sudan"], namesKnown: false, namedActors: ["Hezbollah"] }).verdict).toBe("related");
  });

  it("does not answer when the best sentence denies what a why question takes as given, and says what it says", () => {
    const decision = decideVerdict(NEAR, BEST, 3, { denial: "not as capable" });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/the closest says “not as capable”/);
  });

  it("does not answer when the best sentence does not give a number the question states, and says which", () => {
    expect(decideVerdict(NEAR, BEST, 3).verdict).toBe("answered");
    const decision = decideVerdict(NEAR, BEST, 3, { unstatedNumbers: ["400"] });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/the closest does not say 400/);
  });

  it("does not answer who leads a group the articles name no leader of, and says so", () => {
    const decision = decideVerdict(NEAR, BEST, 3, { actorAnswer: "unnamed", leaderOf: "Hamas" });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/the articles name no leader of Hamas/);
  });

  it("does not answer a 'why did' question whose event the best sentence does not state, and says which", () => {
    const decision = decideVerdict(NEAR, BEST, 3, { unstatedVerb: "cancel" });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/the closest does not say “cancel”/);
  });

  it("answers 'who is X' or 'who leads X' with a sentence saying it, however little else it shares with the question", () => {
    const unsupported = { ...BEST, supported: false } as SentenceScore;
    expect(decideVerdict(FAR, unsupported, 2, { namedActors: ["Michael Knights"] }).verdict).toBe("related");
    expect(decideVerdict(FAR, unsupported, 2, { namedActors: ["Michael Knights"], actorAnswer: "answers" }).verdict).toBe("answered");
  });

  it("does not answer who leads now with a sentence naming a leader the articles say was killed, and says so", () => {
    const decision = decideVerdict(NEAR, BEST, 3, { namedActors: ["Kataib Hezbollah"], actorAnswer: "no-longer" });
    expect(decision.verdict).toBe("related");
    expect(decision.refusal).toMatch(/a leader the articles say was killed, not who leads now/);
  });
});

describe("isOnTopic", () => {
  const { onTopic, close } = VERDICT_MODELS.thresholds;
  it("takes the topic model's threshold, or the lower one when a passage is close in meaning to the question", () => {
    expect(isOnTopic(onTopic, { topicDense: 0 })).toBe(true);
    expect(isOnTopic(close.onTopic, { topicDense: close.topicDense })).toBe(true);
    expect(isOnTopic(close.onTopic, { topicDense: close.topicDense - 0.05 })).toBe(false);
    expect(isOnTopic(close.onTopic - 0.05, { topicDense: 1 })).toBe(false);
    expect(close.onTopic).toBeLessThan(onTopic);
  });
});
