import { beforeAll, describe, expect, it } from "vitest";
import { ActorQueryError, MAX_ACTOR_QUERY_CHARS } from "../../retrieval/actors/actorQuery.js";
import { lookupActor, MAX_LOOKUP_SUGGESTIONS } from "../../retrieval/actors/lookupActor.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import { seedRegistry } from "./seedRegistry.js";

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

function resolvedName(query: string): string | undefined {
  const result = lookupActor(registry, query);
  return result.found ? result.actor.name : undefined;
}

describe("lookupActor", () => {
  it.each([
    ["Kataib Hezbollah", ["Kataib Hezbollah", "Ktaeb Hezbollah", "Hezbollah Brigades", "Kata'ib Hizballah", "kataib hezbollah", "KATAIB-HEZBOLLAH"]],
    ["Popular Mobilization Forces", ["Popular Mobilization Units", "Popular Mobilisation Forces", "PMF", "pmf", "Hashd al-Shaabi", "hashd shaabi", "Al Hashd Al Shaabi"]],
    ["Mohammed Shia' Al-Sudani", ["Mohammed Shia' Al-Sudani", "Mohammed Shia’ Al Sudani", "Mohammed Shia al-Sudani", "Al Sudani", "al-sudani", "Sudani"]],
    ["Esmail Qaani", ["Esmail Qaani", "Qaani", "QAANI", "Qāani", "Ismail Qaani"]],
    ["Islamic Resistance in Iraq", ["Islamic Resistance in Iraq", "Islamic Resistance of Iraq", "IRI"]],
    ["Islamic Revolutionary Guard Corps", ["IRGC", "Revolutionary Guards"]],
    ["Harakat al-Nujaba", ["Harakat al-Nujaba", "Harakat Hezbollah al-Nujaba", "Nujaba"]],
    ["Qasem Soleimani", ["Qasem Soleimani", "Qassem Soleimani", "Soleimani"]],
    ["Abu Mahdi al-Muhandis", ["Abu Mahdi al-Muhandis", "Muhandis", "Abu Mahdi al Muhandis"]],
    ["Houthis", ["Houthis", "the Houthis", "Houthi"]],
    ["United States", ["US", "United States"]],
  ])("resolves every name of %s", (canonical, names) => {
    for (const name of names) expect(resolvedName(name), name).toBe(canonical);
  });

  it("forgives small misspellings of long names", () => {
    expect(resolvedName("Kataib Hezbolla")).toBe("Kataib Hezbollah");
    expect(resolvedName("Hezbolah")).toBe("Hezbollah");
    expect(resolvedName("Nasralah")).toBe("Hassan Nasrallah");
    expect(resolvedName("Qassim Sulaimani")).toBe("Qasem Soleimani");
    expect(lookupActor(registry, "Esmail Qani")).toMatchObject({ found: true, matchedBy: "spelling" });
  });

  it("finds a name by some of its words", () => {
    expect(lookupActor(registry, "Mahdi Muhandis")).toMatchObject({ found: true, matchedBy: "words" });
    expect(resolvedName("Mahdi Muhandis")).toBe("Abu Mahdi al-Muhandis");
  });

  it("does not take one short name or acronym for another", () => {
    expect(resolvedName("Iran")).toBe("Iran");
    expect(resolvedName("Iraq")).toBe("Iraq");
    expect(resolvedName("IRI")).not.toBe(resolvedName("IRGC"));
    expect(lookupActor(registry, "Irak").found).toBe(false);
  });

  it("answers an unknown name with at most five suggestions", () => {
    const unknown = lookupActor(registry, "Irak");
    expect(unknown.found).toBe(false);
    if (unknown.found) return;
    expect(unknown.suggestions.length).toBeGreaterThan(0);
    expect(unknown.suggestions.length).toBeLessThanOrEqual(MAX_LOOKUP_SUGGESTIONS);
    expect(unknown.suggestions).toEqual(expect.arrayContaining(["Iraq", "Iran"]));
    const nothing = lookupActor(registry, "Zebulon Quixotic");
    expect(nothing).toEqual({ found: false, suggestions: expect.any(Array) });
  });

  it("does not guess between actors a name fits equally", () => {
    const result = lookupActor(registry, "Mohammed");
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.suggestions).toEqual(expect.arrayContaining(["Mohammed Shia' Al-Sudani", "Mohammed al-Hafi"]));
  });

  it.each([
    ["", "empty"],
    ["   \t ", "empty"],
    ["x".repeat(MAX_ACTOR_QUERY_CHARS + 1), "too_long"],
    ["!!!", "no_letters"],
    ["1234 --", "no_letters"],
  ])("rejects the malformed name %j with code %s", (query, code) => {
    expect(() => lookupActor(registry, query)).toThrowError(ActorQueryError);
    try {
      lookupActor(registry, query);
    } catch (error) {
      expect((error as ActorQueryError).code).toBe(code);
      expect((error as ActorQueryError).message.length).toBeGreaterThan(20);
    }
  });

  it("accepts a name of exactly the maximum length", () => {
    expect(() => lookupActor(registry, "q".repeat(MAX_ACTOR_QUERY_CHARS))).not.toThrow();
  });
});
