import { beforeAll, describe, expect, it } from "vitest";
import { addTurn, createSubjectFinder, makeTurn, MAX_TURNS, resolveFollowUp, type Conversation, type SubjectFinder } from "../../retrieval/conversation/index.js";
import { seedRegistry } from "../actors/seedRegistry.js";

let finder: SubjectFinder;
beforeAll(async () => {
  finder = createSubjectFinder(await seedRegistry());
});

/** A conversation of questions already asked (and optionally the best quote each got). */
function after(...asked: (string | [string, string])[]): Conversation {
  let conversation: Conversation = { turns: [] };
  for (const entry of asked) {
    const [question, quote] = typeof entry === "string" ? [entry, undefined] : entry;
    conversation = addTurn(conversation, makeTurn(resolveFollowUp(question, conversation, finder), quote, finder));
  }
  return conversation;
}

describe("subject finder", () => {
  it("finds actors under any of their names, and other names the articles capitalise, typed in lower case", () => {
    expect(finder.find("where was khafaji's funeral?").map((s) => s.name)).toEqual(["Abu Haidar al-Khafaji"]);
    expect(finder.find("and KH?").map((s) => s.name)).toEqual(["Kataib Hezbollah"]);
    expect(finder.find("what happened at masyaf?")).toMatchObject([{ name: "Masyaf", kind: "thing" }]);
  });

  it("never takes the pronoun 'us' for the United States, but does 'US'", () => {
    expect(finder.find("tell us who he is")).toEqual([]);
    expect(finder.find("when will US troops leave?").map((s) => s.name)).toEqual(["United States"]);
  });
});

describe("resolveFollowUp", () => {
  it("replaces a possessive and a pronoun with the person the conversation is about", () => {
    const conversation = after("who was Abu Haidar al-Khafaji?");
    expect(resolveFollowUp("where was his funeral?", conversation, finder)).toMatchObject({
      text: "where was Abu Haidar al-Khafaji's funeral?",
      resolution: "pronoun",
      leanedOn: [{ name: "Abu Haidar al-Khafaji", kind: "person" }],
      needsContext: false,
    });
    expect(resolveFollowUp("how was he killed?", conversation, finder).text).toBe("how was Abu Haidar al-Khafaji killed?");
  });

  it("finds 'he' in the previous answer when the previous question named no person", () => {
    const conversation = after("who represents hamas in baghdad?", ["and the houthis?", "The Houthis, meanwhile, are represented by Abu Idris al-Sharafi."]);
    expect(resolveFollowUp("what did he oversee before?", conversation, finder).text).toBe("what did Abu Idris al-Sharafi oversee before?");
  });

  it("reads 'that group' as the group of the last answer, written with 'the' when its name is a common noun", () => {
    const conversation = after(["who claimed the drone attack on Eilat on Sunday?", "The Islamic Resistance in Iraq claimed a drone attack on the Israeli port city of Eilat on Sunday."]);
    expect(resolveFollowUp("what is that group?", conversation, finder)).toMatchObject({ text: "what is the Islamic Resistance in Iraq?", leanedOn: [{ name: "Islamic Resistance in Iraq" }] });
    expect(resolveFollowUp("when did they kill three us soldiers?", after("what is kataib hezbollah linked to?"), finder).text).toBe("when did Kataib Hezbollah kill three us soldiers?");
  });

  it("asks the previous question again about the new subject of 'and …?' / 'what about …?'", () => {
    expect(resolveFollowUp("and the houthis?", after("who represents hamas in baghdad?"), finder)).toMatchObject({
      text: "who represents the houthis in baghdad?",
      resolution: "ellipsis",
      leanedOn: [{ name: "Hamas" }],
    });
    expect(resolveFollowUp("what about KH?", after("what is the Badr Brigade linked to?"), finder).text).toBe("what is KH linked to?");
    expect(resolveFollowUp("and Erbil?", after("when will US troops leave Baghdad?"), finder).text).toBe("when will US troops leave Erbil?");
  });

  it("asks a bare 'why?' or 'when?' about what was just asked", () => {
    expect(resolveFollowUp("why?", after("why did Esmail Qaani visit Baghdad?"), finder).text).toBe("why did Esmail Qaani visit Baghdad?");
    expect(resolveFollowUp("and when?", after("why did Esmail Qaani visit Baghdad?"), finder).text).toBe("when did Esmail Qaani visit Baghdad?");
    expect(resolveFollowUp("when?", after("who killed Abu Mahdi al-Muhandis?"), finder).text).toBe("when — who killed Abu Mahdi al-Muhandis?");
  });

  it("gives a question without a subject of its own what the previous one was about", () => {
    const resolved = resolveFollowUp("how much did it cost?", after("what air defence system did iraq order?"), finder);
    expect(resolved).toMatchObject({ text: "how much did it cost — what air defence system did iraq order?", resolution: "context" });
  });

  it("reads 'there' as the place just discussed, but not in 'were there any'", () => {
    expect(resolveFollowUp("what did the troops do there?", after("what happened at masyaf?"), finder).text).toBe("what did the troops do in Masyaf?");
    expect(resolveFollowUp("were there any casualties?", after("what happened at masyaf?"), finder).resolution).toBe("context");
  });

  it("treats a question that names its own subject as a new topic: nothing earlier leaks in", () => {
    const conversation = after("who was Abu Haidar al-Khafaji?", "where was his funeral?");
    expect(resolveFollowUp("who represents Hamas in Baghdad?", conversation, finder)).toEqual({
      question: "who represents Hamas in Baghdad?",
      text: "who represents Hamas in Baghdad?",
      resolution: "new-topic",
      leanedOn: [],
      needsContext: false,
    });
    // A pronoun in a question naming someone else points at the earlier person, not at the one named.
    expect(resolveFollowUp("did he meet Esmail Qaani?", conversation, finder).text).toBe("did Abu Haidar al-Khafaji meet Esmail Qaani?");
  });

  it("says a question leans on an earlier turn when there is none, and leaves a standalone one alone", () => {
    expect(resolveFollowUp("where was his funeral?", { turns: [] }, finder)).toMatchObject({ text: "where was his funeral?", needsContext: true, resolution: "standalone" });
    expect(resolveFollowUp("and the houthis?", { turns: [] }, finder).needsContext).toBe(true);
    expect(resolveFollowUp("why?", { turns: [] }, finder).needsContext).toBe(true);
    expect(resolveFollowUp("Where was Khafaji's funeral held?", { turns: [] }, finder).needsContext).toBe(false);
  });

  it("keeps only the last few turns", () => {
    const many = after(...Array.from({ length: MAX_TURNS + 3 }, (_, i) => `who is Esmail Qaani ${i}?`));
    expect(many.turns).toHaveLength(MAX_TURNS);
    expect(many.turns.at(-1)!.question).toBe(`who is Esmail Qaani ${MAX_TURNS + 2}?`);
  });
});
