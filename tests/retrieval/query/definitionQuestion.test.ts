import { beforeAll, describe, expect, it } from "vitest";
import type { ActorRegistry } from "../../../retrieval/actors/types.js";
import { actorToDefine, DEFINITION_WEIGHT, favourDefinitions } from "../../../retrieval/query/definitionQuestion.js";
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

  it("reads nothing when the question asks more than what the actor is, or names no actor", () => {
    expect(actorToDefine("who is the leader of kataib hezbollah", registry)).toBeUndefined();
    expect(actorToDefine("what is hezbollah doing in iraq", registry)).toBeUndefined();
    expect(actorToDefine("who is the pope", registry)).toBeUndefined();
  });
});

describe("favourDefinitions: the sentences saying what the actor is come first", () => {
  const sentences = [
    { docId: "a", start: 0, end: 40 },
    { docId: "a", start: 41, end: 80 },
    { docId: "b", start: 0, end: 30 },
  ];
  const scored = sentences.map((_, sentence) => ({ sentence, score: [0.9, 0.5, 0.6][sentence]! }));

  it("mixes each sentence's score with how plainly it defines the actor, a two-sentence definition counting for both", () => {
    const rescored = favourDefinitions(scored, [{ docId: "a", start: 41, end: 80, score: 0.9 }, { docId: "b", start: 0, end: 30, score: 0.85 }], (at) => sentences[at]!);
    expect(rescored.map((s) => s.score)).toEqual([
      (1 - DEFINITION_WEIGHT) * 0.9,
      (1 - DEFINITION_WEIGHT) * 0.5 + DEFINITION_WEIGHT * 0.9,
      (1 - DEFINITION_WEIGHT) * 0.6 + DEFINITION_WEIGHT * 0.85,
    ]);
    const both = favourDefinitions(scored, [{ docId: "a", start: 0, end: 80, score: 0.85 }], (at) => sentences[at]!);
    expect(both[0]!.score).toBeGreaterThan(both[2]!.score);
    expect(both[1]!.score).toBeGreaterThan(both[2]!.score);
  });
});
