import { beforeAll, describe, expect, it } from "vitest";
import { lookupActor } from "../../retrieval/actors/lookupActor.js";
import { MAX_SUGGESTIONS, suggestActorNames } from "../../retrieval/actors/suggestActorNames.js";
import type { ActorRegistry } from "../../retrieval/actors/types.js";
import { seedRegistry } from "./seedRegistry.js";

let registry: ActorRegistry;
beforeAll(async () => {
  registry = await seedRegistry();
});

describe("suggestActorNames", () => {
  it("never offers more than 25 choices, or more than asked", () => {
    for (const prefix of ["", "a", "i", "al-", "   "]) {
      expect(suggestActorNames(registry, prefix).length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      expect(suggestActorNames(registry, prefix, 3).length).toBeLessThanOrEqual(3);
    }
    expect(registry.actors.length).toBeGreaterThan(MAX_SUGGESTIONS);
    expect(suggestActorNames(registry, "")).toHaveLength(MAX_SUGGESTIONS);
  });

  it("rejects a limit Discord would refuse", () => {
    for (const limit of [0, 26, 2.5, Number.NaN]) expect(() => suggestActorNames(registry, "a", limit)).toThrowError(RangeError);
  });

  it("offers the most mentioned actors before anything is typed", () => {
    const names = suggestActorNames(registry, "");
    const counts = names.map((n) => registry.totalMentions(registry.actors.find((a) => a.name === n)!.id));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("completes the beginning of a name or of any of its words and aliases", () => {
    expect(suggestActorNames(registry, "kat")[0]).toBe("Kataib Hezbollah");
    expect(suggestActorNames(registry, "Ktaeb")[0]).toBe("Kataib Hezbollah");
    expect(suggestActorNames(registry, "hash")[0]).toBe("Popular Mobilization Forces");
    expect(suggestActorNames(registry, "sud")[0]).toBe("Mohammed Shia' Al-Sudani");
    expect(suggestActorNames(registry, "qa")).toEqual(expect.arrayContaining(["Esmail Qaani", "Qasem Soleimani", "Qatar"]));
    expect(suggestActorNames(registry, "hez")).toEqual(expect.arrayContaining(["Hezbollah", "Kataib Hezbollah"]));
  });

  it("tolerates misspellings", () => {
    expect(suggestActorNames(registry, "hezbolah")).toContain("Hezbollah");
    expect(suggestActorNames(registry, "soliman")).toContain("Qasem Soleimani");
    expect(suggestActorNames(registry, "Irak").slice(0, 2).sort()).toEqual(["Iran", "Iraq"]);
  });

  it("offers only canonical names that look up to themselves", () => {
    for (const prefix of ["", "h", "is", "abu", "qa", "mohammed"]) {
      for (const name of suggestActorNames(registry, prefix)) {
        const found = lookupActor(registry, name);
        expect(found.found && found.actor.name).toBe(name);
      }
    }
  });
});
