import { beforeAll, describe, expect, it } from "vitest";
import { actorProfile } from "../../retrieval/actors/actorProfile.js";
import { lookupActor } from "../../retrieval/actors/lookupActor.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import type { Document } from "../../retrieval/types.js";
import { countInProse, seedRegistry } from "./seedRegistry.js";

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

function profileOf(name: string) {
  const found = lookupActor(registry, name);
  if (!found.found) throw new Error(`${name} is not in the registry`);
  return actorProfile(registry, found.actor.id);
}

/**
 * Hand-written patterns for each actor's names as the articles spell them. A name restated in
 * brackets ("Forces (PMF)") is one mention; a name inside another actor's name ("Hezbollah" in
 * "Kataib Hezbollah", "Iraq" in "Islamic Resistance in Iraq") is not a mention of it.
 */
const PATTERNS: Record<string, RegExp> = {
  "Esmail Qaani": /\b(?:Esmail )?Qaani\b/g,
  "Kataib Hezbollah": /\b(?:Kataib|Ktaeb) Hezbollah(?: \(Hezbollah Brigades\))?|\bHezbollah Brigades\b/g,
  Hezbollah: /(?<!(?:Kataib|Ktaeb|Harakat) )\bHezbollah\b(?! Brigades)/g,
  "Popular Mobilization Forces": /Popular Mobili[sz]ation (?:Forces|Units|Commission)(?: \(PMF\))?|Hashd al-Shaabi|\bPMF\b/g,
  "Islamic Resistance in Iraq": /Islamic Resistance(?: (?:in|of) Iraq)?(?: \(IRI\))?|\bIRI\b/g,
  "Mohammed Shia' Al-Sudani": /(?:Mohammed Shia'? )?[Aa]l[- ]Sudani\b/g,
  "Abu Haidar al-Khafaji": /\b(?:Abu Haidar al-)?Khafaji\b/g,
  Houthis: /\bHouthis?\b/g,
  "United States": /\bUS\b|\bUnited States\b/g,
  Iraq: /(?<!Resistance (?:in|of) )\b(?:Iraq|IRAQ)\b/g,
};

describe("mention counts", () => {
  it.each(Object.entries(PATTERNS))("counts %s per article as an independent pattern over the prose does", (name, pattern) => {
    const profile = profileOf(name);
    const expected = registry.documents
      .map((doc) => ({ file: doc.file, mentions: countInProse(doc, pattern) }))
      .filter((s) => s.mentions > 0);
    const actual = profile.sources.map((s) => ({ file: s.file, mentions: s.mentions }));
    expect(actual).toEqual(expect.arrayContaining(expected));
    expect(actual).toHaveLength(expected.length);
    expect(profile.mentions).toBe(expected.reduce((sum, s) => sum + s.mentions, 0));
  });

  it("does not count captions: Al Sudani is named four times in 001's text but three times in its prose", () => {
    const doc = registry.documents.find((d) => d.id.startsWith("001_")) as Document;
    const wholeText = [...doc.text.matchAll(PATTERNS["Mohammed Shia' Al-Sudani"]!)].length;
    const source = profileOf("Sudani").sources.find((s) => s.file === doc.file);
    expect(wholeText).toBe(4);
    expect(source?.mentions).toBe(3);
  });

  it("counts a near-copy's mentions and says which article it copies", () => {
    const copy = registry.documents.find((d) => d.duplicateOf !== undefined) as Document;
    const original = registry.documents.find((d) => d.id === copy.duplicateOf) as Document;
    const source = profileOf("Qaani").sources.find((s) => s.file === copy.file);
    expect(source).toMatchObject({ mentions: countInProse(copy, PATTERNS["Esmail Qaani"]!), copyOf: original.file });
    expect(source!.mentions).toBeGreaterThan(0);
  });

  it("lists only the articles that name the actor, most mentions first", () => {
    for (const actor of registry.actors) {
      const { sources, mentions } = actorProfile(registry, actor.id);
      expect(sources.every((s) => s.mentions > 0)).toBe(true);
      expect(sources.map((s) => s.mentions)).toEqual([...sources.map((s) => s.mentions)].sort((a, b) => b - a));
      expect(sources.reduce((sum, s) => sum + s.mentions, 0)).toBe(mentions);
    }
  });

  it("reports the names the articles use, not the canonical one", () => {
    const profile = profileOf("PMF");
    expect(profile.aliases).toEqual(expect.arrayContaining(["Popular Mobilisation Forces", "PMF", "Hashd al-Shaabi", "Popular Mobilization Units"]));
    expect(profile.aliases).not.toContain(profile.name);
    for (const alias of profile.aliases) expect(profile.otherAliases).not.toContain(alias);
  });
});
