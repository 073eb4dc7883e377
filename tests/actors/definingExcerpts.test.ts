import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actorProfile, MAX_ACTOR_EXCERPTS } from "../../retrieval/actors/actorProfile.js";
import { definitionScore, findDefiningSentences } from "../../retrieval/actors/findDefiningSentences.js";
import { lookupActor } from "../../retrieval/actors/lookupActor.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import { PROJECT_ROOT, seedRegistry } from "./seedRegistry.js";

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

function excerptsOf(name: string) {
  const found = lookupActor(registry, name);
  if (!found.found) throw new Error(`${name} is not in the registry`);
  return actorProfile(registry, found.actor.id).excerpts;
}

/** The score of the sentence `text` for the mention `name` in it. */
function scoreIn(text: string, name: string): number {
  const start = text.indexOf(name);
  return definitionScore(text, { start: 0, end: text.length }, { start, end: start + name.length });
}

describe("defining excerpts", () => {
  it("are verbatim slices of the article files, inside quotable prose, scored in [0, 1]", () => {
    for (const actor of registry.actors) {
      const excerpts = actorProfile(registry, actor.id).excerpts;
      expect(excerpts.length).toBeLessThanOrEqual(MAX_ACTOR_EXCERPTS);
      for (const e of excerpts) {
        const file = readFileSync(join(PROJECT_ROOT, e.file), "utf8");
        expect(file.slice(e.start, e.end)).toBe(e.text);
        const doc = registry.documents.find((d) => d.file === e.file)!;
        expect(doc.regions.some((r) => r.start <= e.start && e.end <= r.end)).toBe(true);
        expect(e.score).toBeGreaterThanOrEqual(0);
        expect(e.score).toBeLessThanOrEqual(1);
        const mentions = registry.mentions.get(actor.id)!;
        expect(mentions.some((m) => m.docId === doc.id && e.start <= m.start && m.end <= e.end)).toBe(true);
      }
      expect(new Set(excerpts.map((e) => e.text)).size).toBe(excerpts.length);
    }
  });

  it("never quote the near-copy, whose passages the original already holds", () => {
    const copy = registry.documents.find((d) => d.duplicateOf !== undefined)!;
    for (const actor of registry.actors) expect(actorProfile(registry, actor.id).excerpts.every((e) => e.file !== copy.file)).toBe(true);
  });

  it("prefer sentences that say who or what the actor is", () => {
    expect(excerptsOf("Khafaji").map((e) => e.text).join(" ")).toMatch(/Abu Haidar al-Khafaji, a senior (leader|official)/);
    expect(excerptsOf("Hashd al-Shaabi")[0]!.text).toContain("the Arabic name for the Popular Mobilization Units");
    expect(excerptsOf("Ktaeb Hezbollah")[0]!.text).toContain("Ktaeb Hezbollah (Hezbollah Brigades), the most powerful");
    expect(excerptsOf("Qaani")[0]!.text).toContain("Quds Force commander Esmail Qaani");
    for (const name of ["Khafaji", "PMF", "Kataib Hezbollah", "Michael Knights", "IRI"]) {
      const [best] = excerptsOf(name);
      expect(best!.score, name).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("are ordered best first", () => {
    for (const actor of registry.actors) {
      const scores = actorProfile(registry, actor.id).excerpts.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});

describe("definitionScore", () => {
  it("scores appositives, copulas, brackets, roles and classifiers, in that order", () => {
    const appositive = scoreIn("The raid killed Abu Example, a senior leader of the group, near the airport.", "Abu Example");
    const copula = scoreIn("Harakat Example is a different Iraqi militia.", "Harakat Example");
    const bracket = scoreIn("Members of the Example Forces (EF) fired.", "Example Forces");
    const role = scoreIn("The Iraqi militia Kataib Example fired.", "Kataib Example");
    const classifier = scoreIn("The Example militia fired missiles.", "Example");
    expect([appositive, copula, bracket, role, classifier].every((s) => s > 0 && s <= 1)).toBe(true);
    expect(appositive).toBeGreaterThan(copula);
    expect(copula).toBeGreaterThan(bracket);
    expect(bracket).toBeGreaterThan(role);
    expect(role).toBeGreaterThan(classifier);
  });

  it("gives more to a sentence with several cues", () => {
    const one = scoreIn("Fighters of Ktaeb Example (Example Brigades) fired.", "Ktaeb Example");
    const three = scoreIn("The main militia is Ktaeb Example (Example Brigades), the most powerful of the militias.", "Ktaeb Example");
    expect(three).toBeGreaterThan(one);
    expect(three).toBeLessThanOrEqual(1);
  });

  it("does not take a list of places or a new clause for an appositive", () => {
    expect(scoreIn("Weapons flow via Syria and Jordan, to Lebanon, the West Bank, Israel, and the Mediterranean.", "Lebanon")).toBe(0);
    expect(scoreIn("They fought against ISIS, the apparent direction of events does not bode well.", "ISIS")).toBe(0);
    expect(scoreIn("Efforts in support of proxy Hezbollah in Lebanon are not new.", "Lebanon")).toBe(0);
  });

  it("finds nothing for a name that is only used", () => {
    expect(scoreIn("Israel struck Yemen twice.", "Yemen")).toBe(0);
    const text = "Israel struck Yemen twice. Yemen, a country on the Red Sea, answered.";
    const sentences = [
      { start: 0, end: 26 },
      { start: 27, end: text.length },
    ];
    const mentions = [...text.matchAll(/Yemen/g)].map((m) => ({ start: m.index, end: m.index + 5 }));
    expect(findDefiningSentences(text, sentences, mentions).map((s) => text.slice(s.start, s.end))).toEqual([
      "Yemen, a country on the Red Sea, answered.",
    ]);
  });

  it("quotes a name that ends its sentence with the next sentence when that one says what it is ('These are …')", () => {
    const text = "The militias are parts of the larger Example Units. These are a collection of armed groups. They fired.";
    const sentences = [
      { start: 0, end: 51 },
      { start: 52, end: 91 },
      { start: 92, end: text.length },
    ];
    const at = text.indexOf("Example Units");
    const found = findDefiningSentences(text, sentences, [{ start: at, end: at + 13 }]);
    expect(found.map((s) => text.slice(s.start, s.end))).toEqual(["The militias are parts of the larger Example Units. These are a collection of armed groups."]);
    const midSentence = "The Example Units fired. These are a collection of armed groups.";
    const m = midSentence.indexOf("Example Units");
    expect(findDefiningSentences(midSentence, [{ start: 0, end: 24 }, { start: 25, end: midSentence.length }], [{ start: m, end: m + 13 }])).toEqual([]);
  });
});

