import { beforeAll, describe, expect, it } from "vitest";
import { buildPersonRoles, type PersonRole } from "../../../retrieval/actors/personRoles.js";
import type { ActorRegistry } from "../../../retrieval/actors/types.js";
import { describedPersonTerms } from "../../../retrieval/query/describedPeople.js";
import { buildVocabulary, type Vocabulary } from "../../../retrieval/query/vocabulary.js";
import { tokenize } from "../../../retrieval/text/tokenize.js";
import { seedRegistry } from "../../actors/seedRegistry.js";

let registry: ActorRegistry;
let roles: PersonRole[];
let vocabulary: Vocabulary;
beforeAll(async () => {
  registry = await seedRegistry();
  roles = buildPersonRoles(registry);
  vocabulary = buildVocabulary(registry.documents);
});

/** The surname searched for the question's `role` word, if the question describes one person. */
function describedAs(question: string, role: string, group?: { groupId: string; placedBy: string }): string[] {
  const forms = question.toLowerCase().replace(/'s\b/gu, "").match(/[\p{L}\p{N}]+/gu)!;
  const corpus = { hasTerm: () => true, uses: (form: string) => vocabulary.counts.get(form) ?? 0 };
  const roleGroup = group ? { groupId: group.groupId, describedBy: forms.indexOf(group.placedBy) } : undefined;
  return describedPersonTerms(forms, forms.indexOf(role), roles, registry, corpus, roleGroup).map((t) => t.term);
}

describe("buildPersonRoles: how the articles describe people in front of their names", () => {
  it("reads the role and the words before it, a nationality as its state, and titles from other names", () => {
    const sistani = roles.filter((r) => r.actorId === "ali-al-sistani");
    const [iraq, cleric, senior, ayatollah, grand] = tokenize("Iraq cleric senior ayatollah grand");
    expect(sistani).toContainEqual({ actorId: "ali-al-sistani", role: cleric, modifiers: new Set([iraq, senior]) });
    expect(sistani).toContainEqual({ actorId: "ali-al-sistani", role: ayatollah, modifiers: new Set([grand]) });
  });
});

describe("describedPersonTerms: a person of a described group", () => {
  it("finds the group's one leader for a word for whoever leads it, not a leader of another group", () => {
    const lebanese = { groupId: "hezbollah", placedBy: "lebanese" };
    expect(describedAs("which relative of the slain lebanese militia chief died", "chief", lebanese)).toEqual(tokenize("Nasrallah"));
    expect(describedAs("when was the lebanese group's leader killed", "leader", lebanese)).toEqual(tokenize("Nasrallah"));
    // Without the group, "leader" describes Nasrallah and Muhandis alike, and "chief" nobody the articles call so.
    expect(describedAs("when was the lebanese group's leader killed", "leader")).toEqual([]);
    expect(describedAs("which relative of the slain lebanese militia chief died", "chief")).toEqual([]);
    expect(describedAs("who is the chief of the iraqi group", "chief", { groupId: "houthis", placedBy: "iraqi" })).toEqual([]);
  });
});

describe("describedPersonTerms: a person described instead of named", () => {
  it("finds the one person a role and the words around it describe", () => {
    expect(describedAs("what did iraq's top ayatollah ask people to do for lebanon", "ayatollah")).toEqual(tokenize("Sistani"));
    expect(describedAs("who is the quds force commander", "commander")).toEqual(tokenize("Qaani"));
  });

  it("finds nobody for a role the articles give many people, or a state they never give this one", () => {
    expect(describedAs("how was the slain commander's burial covered", "commander")).toEqual([]);
    expect(describedAs("what did iran's top ayatollah say", "ayatollah")).toEqual([]);
    expect(describedAs("who is the hezbollah leader", "leader")).toEqual([]);
  });

  it("adds nothing when the question names the person already", () => {
    expect(describedAs("what did the senior cleric sistani say", "cleric")).toEqual([]);
  });
});
