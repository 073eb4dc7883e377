import { beforeAll, describe, expect, it } from "vitest";
import type { ActorRegistry } from "../../../retrieval/actors/types.js";
import { actorToDefine, FAVOURED_WEIGHT, favouredSentencesFor, favouredVerdict, favourSentences, leaderAsked, leaderSentences, personNameAsked } from "../../../retrieval/query/actorQuestions.js";
import { seedRegistry } from "../../actors/seedRegistry.js";

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

describe("actorToDefine: a question asking what one actor is", () => {
  it("reads the actor from 'who is', 'what are the', 'tell me about', by any of its names", () => {
    expect(actorToDefine("who is Sistani", registry)).toBe("ali-al-sistani");
    expect(actorToDefine("what is the PMF?", registry)).toBe("popular-mobilization-forces");
    expect(actorToDefine("What are the Popular Mobilization Units?", registry)).toBe("popular-mobilization-forces");
    expect(actorToDefine("tell me about kataib hezbollah", registry)).toBe("kataib-hezbollah");
    expect(actorToDefine("what does michael knights do for work", registry)).toBe("michael-knights");
    expect(actorToDefine("what is daniel hagari's job", registry)).toBe("daniel-hagari");
  });

  it("reads a name typed alone, or after 'info on' or 'what about', as asking what the actor is", () => {
    expect(actorToDefine("hezbollah", registry)).toBe("hezbollah");
    expect(actorToDefine("qaani?", registry)).toBe("esmail-qaani");
    expect(actorToDefine("info on the pmf", registry)).toBe("popular-mobilization-forces");
    expect(actorToDefine("what about kataib hezbollah", registry)).toBe("kataib-hezbollah");
    expect(actorToDefine("what Kataib Hezbollah is", registry)).toBe("kataib-hezbollah");
    expect(actorToDefine("hezbollah in iraq", registry)).toBeUndefined();
  });

  it("reads nothing when the question asks more than what the actor is, or names no actor", () => {
    expect(actorToDefine("who is the leader of kataib hezbollah", registry)).toBeUndefined();
    expect(actorToDefine("what is hezbollah doing in iraq", registry)).toBeUndefined();
    expect(actorToDefine("who is the pope", registry)).toBeUndefined();
  });
});

describe("leaderAsked: a question asking who leads a group", () => {
  it("reads the group from 'who leads', 'who is the head of', 'who is X's commander', and whether it asks who does now", () => {
    expect(leaderAsked("who leads hezbollah", registry)).toEqual({ groupId: "hezbollah", current: false });
    expect(leaderAsked("who is in charge of the quds force", registry)).toEqual({ groupId: "quds-force", current: false });
    expect(leaderAsked("who is the leader of kataib hezbollah", registry)).toEqual({ groupId: "kataib-hezbollah", current: false });
    expect(leaderAsked("who is the current leader of kataib hezbollah", registry)).toEqual({ groupId: "kataib-hezbollah", current: true });
    expect(leaderAsked("who leads hezbollah now", registry)).toEqual({ groupId: "hezbollah", current: true });
    expect(leaderAsked("who is the Quds Force's commander", registry)).toEqual({ groupId: "quds-force", current: false });
  });

  it("reads nothing for a person, a state or another question", () => {
    expect(leaderAsked("who leads sistani", registry)).toBeUndefined();
    expect(leaderAsked("who leads the attacks on eilat", registry)).toBeUndefined();
  });
});

describe("leaderSentences: where the articles name a group's leader", () => {
  const textOf = (d: { docId: string; start: number; end: number }) => registry.documents.find((x) => x.id === d.docId)!.text.slice(d.start, d.end);

  it("finds a leadership word before a person's name with the group's name before it", () => {
    expect(leaderSentences(registry, "hezbollah").map(textOf).join(" ")).toContain("Hezbollah leader Hassan Nasrallah");
    expect(leaderSentences(registry, "quds-force").map(textOf).join(" ")).toContain("Quds Force commander Esmail Qaani");
  });

  it("marks a leader the sentence says was killed as former", () => {
    const kh = leaderSentences(registry, "kataib-hezbollah").find((d) => textOf(d).includes("killed Kataib Hezbollah leader Abu Mahdi al-Muhandis"));
    expect(kh?.former).toBe(true);
    const qaani = leaderSentences(registry, "quds-force").find((d) => textOf(d).includes("Quds Force commander Esmail Qaani"));
    expect(qaani?.former).toBeUndefined();
  });

  it("gives a group only its own leaders: Kataib Hezbollah's are not Hezbollah's", () => {
    expect(leaderSentences(registry, "kataib-hezbollah").map(textOf).join(" ")).toContain("Kataib Hezbollah leader Abu Mahdi al-Muhandis");
    expect(leaderSentences(registry, "hezbollah").map(textOf).join(" ")).not.toContain("al-Muhandis");
  });
});

describe("favouredSentencesFor: a leader the articles never speak of", () => {
  const anySentence = { docId: "d", start: 0, end: 10 };

  it("knows when no sentence naming the group speaks of a leader, and no sentence then answers who leads it", () => {
    const hamas = favouredSentencesFor("who is the leader of hamas", registry);
    expect(hamas.leaderUnnamed).toBe("Hamas");
    expect(favouredVerdict(hamas, anySentence)).toBe("unnamed");
  });

  it("does not claim so when a sentence speaks of one in other words ('Abbas Al-Zaidi—a leader in Kataib Sayyid al-Shuhada')", () => {
    expect(favouredSentencesFor("who leads kataib sayyid al-shuhada", registry).leaderUnnamed).toBeUndefined();
    expect(favouredSentencesFor("who leads hezbollah", registry).leaderUnnamed).toBeUndefined();
  });
});

describe("favourSentences: the sentences saying what the question asks come first", () => {
  const sentences = [
    { docId: "a", start: 0, end: 40 },
    { docId: "a", start: 41, end: 80 },
    { docId: "b", start: 0, end: 30 },
  ];
  const scored = sentences.map((_, sentence) => ({ sentence, score: [0.9, 0.5, 0.6][sentence]! }));

  it("mixes each sentence's score with how plainly it defines the actor, a two-sentence definition counting for both", () => {
    const rescored = favourSentences(scored, [{ docId: "a", start: 41, end: 80, score: 0.9 }, { docId: "b", start: 0, end: 30, score: 0.85 }], (at) => sentences[at]!);
    expect(rescored.map((s) => s.score)).toEqual([
      (1 - FAVOURED_WEIGHT) * 0.9,
      (1 - FAVOURED_WEIGHT) * 0.5 + FAVOURED_WEIGHT * 0.9,
      (1 - FAVOURED_WEIGHT) * 0.6 + FAVOURED_WEIGHT * 0.85,
    ]);
    const both = favourSentences(scored, [{ docId: "a", start: 0, end: 80, score: 0.85 }], (at) => sentences[at]!);
    expect(both[0]!.score).toBeGreaterThan(both[2]!.score);
    expect(both[1]!.score).toBeGreaterThan(both[2]!.score);
  });
});

describe("personNameAsked: a question asking a person's name", () => {
  it("reads the word for the person after 'the name of', after 'who is the', and before \"'s name\"", () => {
    expect(personNameAsked("what was the name of the houthi commander killed south of baghdad in july")).toEqual({ role: "commander", byName: true });
    expect(personNameAsked("what is the name of the israeli official who spoke")).toEqual({ role: "official", byName: true });
    expect(personNameAsked("who is the hamas rep in baghdad")).toEqual({ role: "rep", byName: false });
    expect(personNameAsked("who was the iranian envoy")).toEqual({ role: "envoy", byName: false });
    expect(personNameAsked("what is the spokesman's name")).toEqual({ role: "spokesman", byName: true });
  });

  it("leaves names of things, and questions not asking a name, alone", () => {
    expect(personNameAsked("what is the name of the israeli navy ship")).toBeUndefined();
    expect(personNameAsked("who is the main group behind the IRI")).toBeUndefined();
    expect(personNameAsked("who attacked the headquarters")).toBeUndefined();
    expect(personNameAsked("how many commanders were killed")).toBeUndefined();
  });

  it("is answered only by a sentence naming a person the question does not name", () => {
    const asked = favouredSentencesFor("what was the name of nasrallah's successor", registry);
    expect(asked.personAsked).toBe("successor");
    const at = (m: { docId: string; start: number; end: number }) => ({ docId: m.docId, start: m.start, end: m.end });
    const nasrallah = at(registry.mentions.get("hassan-nasrallah")![0]!);
    const qaani = at(registry.mentions.get("esmail-qaani")![0]!);
    expect(favouredVerdict(asked, nasrallah, new Set(["hassan-nasrallah"]))).toBe("no-person");
    expect(favouredVerdict(asked, nasrallah)).toBeUndefined();
    expect(favouredVerdict(asked, qaani, new Set(["hassan-nasrallah"]))).toBeUndefined();
    expect(favouredVerdict(favouredSentencesFor("why did the houthis attack", registry), qaani)).toBeUndefined();
    // "who is the religious figure sistani" names the person it asks about.
    const named = favouredSentencesFor("who is the religious figure sistani", registry);
    expect(favouredVerdict(named, nasrallah, new Set(["ali-al-sistani"]))).toBeUndefined();
    expect(favouredVerdict(named, nasrallah)).toBeUndefined();
    expect(favouredVerdict(favouredSentencesFor("who is the religious figure in najaf", registry), { ...nasrallah, end: nasrallah.start })).toBe("no-person");
  });
});
