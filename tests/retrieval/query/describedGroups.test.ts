import { beforeAll, describe, expect, it } from "vitest";
import { buildGroupStates, type GroupStates } from "../../../retrieval/actors/groupStates.js";
import { buildPersonRoles } from "../../../retrieval/actors/personRoles.js";
import type { ActorRegistry } from "../../../retrieval/actors/types.js";
import { describedGroupTerms, type GroupLexicon } from "../../../retrieval/query/describedGroups.js";
import { tokenize, wordForm } from "../../../retrieval/text/tokenize.js";
import { seedRegistry } from "../../actors/seedRegistry.js";

let registry: ActorRegistry;
let states: GroupStates;
let lexicon: GroupLexicon;
beforeAll(async () => {
  registry = await seedRegistry();
  states = buildGroupStates(registry);
  lexicon = { actors: registry, groupStates: states, personRoles: buildPersonRoles(registry), hasTerm: () => true };
});

/** The group name searched for the question's `noun` word, if the question describes one group. */
function describedAs(question: string, noun: string): string[] {
  const raws = question.match(/[\p{L}\p{N}']+/gu)!;
  const forms = raws.map(wordForm);
  const at = raws.findIndex((r) => wordForm(r) === noun);
  return describedGroupTerms(forms, raws.map((r) => r.endsWith("'s")), at, lexicon)?.terms.map((t) => t.term) ?? [];
}

describe("buildGroupStates: where the articles place each group", () => {
  it("reads a nationality before a mention, a state after 'in', and a state in the group's names", () => {
    expect(states.get("hezbollah")).toEqual(new Set(["lebanon"])); // "Lebanese Hezbollah", "Hezbollah in Lebanon"
    expect(states.get("houthis")).toEqual(new Set(["yemen"])); // "the Houthis in Yemen"
    expect(states.get("hamas")).toEqual(new Set(["palestine"])); // "the Palestinian militant group Hamas"
    expect(states.get("islamic-resistance-in-iraq")).toEqual(new Set(["iraq"]));
  });

  it("stops reading back at a stop word: 'success against Hezbollah' does not place Hezbollah in Israel", () => {
    expect(states.get("hezbollah")?.has("israel")).toBe(false);
    expect(states.has("hassan-nasrallah")).toBe(false);
  });
});

describe("describedGroupTerms: a group described instead of named", () => {
  it("finds the one armed group the articles place in the state a question gives", () => {
    expect(describedAs("which country bankrolled the lebanese shia movement", "movement")).toEqual(tokenize("Hezbollah"));
    expect(describedAs("are yemen's rebels working with the iraqis", "rebels")).toEqual(tokenize("Houthis"));
    expect(describedAs("who is the palestinian islamist movement's envoy in baghdad", "movement")).toEqual(tokenize("Hamas"));
  });

  it("finds the group a person is described as leading, the longest name that fits", () => {
    expect(describedAs("how has israel done against nasrallah's group", "group")).toEqual(tokenize("Hezbollah"));
    expect(describedAs("what did muhandis's militia do", "militia")).toEqual(tokenize("Kataib Hezbollah"));
  });

  it("gives the word that placed the group", () => {
    const raws = "which relative of the slain lebanese militia chief died".split(" ");
    expect(describedGroupTerms(raws.map(wordForm), raws.map(() => false), raws.indexOf("militia"), lexicon)?.describedBy).toBe(raws.indexOf("lebanese"));
  });

  it("finds nothing where several groups fit, no state or person is given, or the group is named", () => {
    expect(describedAs("why are the iraqi militias attacking israel", "militias")).toEqual([]);
    expect(describedAs("which group fired the drones", "group")).toEqual([]);
    expect(describedAs("what did sistani's group say", "group")).toEqual([]);
    expect(describedAs("is hezbollah the lebanese group", "group")).toEqual([]);
  });
});
