import { beforeAll, describe, expect, it } from "vitest";
import { createSubjectFinder, type SubjectFinder } from "../../retrieval/names/subjects.js";
import { substitutedNames } from "../../retrieval/verdict/substitutedNames.js";
import { statesBeforeWords } from "../../retrieval/verdict/swappedStates.js";
import { tokenize } from "../../retrieval/text/tokenize.js";
import { seedRegistry } from "../actors/seedRegistry.js";

let finder: SubjectFinder;
beforeAll(async () => {
  finder = createSubjectFinder(await seedRegistry());
});

/** The names the passage gives instead of the question's, for a one-sentence passage. */
function substitutes(question: string, sentence: string, answerType: Parameters<typeof substitutedNames>[1]["answerType"] = "any") {
  return substitutedNames(finder, { text: question, answerType, subjects: finder.find(question) }, { text: sentence, terms: new Set(tokenize(sentence)), sentenceStart: 0 }).map((s) => `${s.named.name} for ${s.asked.name}`);
}

const QAANI = "Meanwhile, Iranian Quds Force commander Esmail Qaani visited Baghdad last week to reorganise the Iraqi front.";

describe("substitutedNames: a passage naming another of the kind the question names", () => {
  it("finds the place a false premise swapped, in a question typed in lower case", () => {
    expect(substitutes("why did qaani visit beirut", QAANI)).toEqual(["Baghdad for Beirut"]);
  });

  it("finds none when the passage names what the question does", () => {
    expect(substitutes("why did qaani visit baghdad", QAANI)).toEqual([]);
    expect(substitutes("Why did Esmail Qaani go to Baghdad?", QAANI)).toEqual([]);
  });

  it("compares a state or group with another party, never with a place", () => {
    const sentence = "On Monday, a military base in Baghdad, Iraq, hosting US forces, was struck by a rocket attack.";
    // Iraq is the state of the Baghdad asked about: the party named in Israel's place is the US.
    expect(substitutes("when did israel bomb baghdad", sentence)).toEqual(["United States for Israel"]);
    expect(substitutes("when did israel bomb the victoria base", sentence)).not.toContain("Baghdad for Israel");
  });

  it("takes a state the passage names for the capital the question names, never as a substitute", () => {
    const sentence = "Iran worries that instability could topple the government of Mohammed Shia' Al-Sudani.";
    expect(substitutes("why is tehran uneasy about israel", sentence)).toEqual([]);
    expect(substitutes("why is damascus uneasy about israel", sentence)).toEqual(["Iran for Israel"]);
  });

  it("takes a capital the passage names for its state, and a state for its capital", () => {
    const sentence = "Harakat al-Nujaba opened an office in Tehran, with the Islamic Resistance in Iraq.";
    expect(substitutes("does nujaba have an office in iran", sentence)).toEqual([]);
    expect(substitutes("does nujaba have an office in syria", sentence)).not.toEqual([]);
  });

  it("takes a state's people the passage names for the capital the question names", () => {
    const sentence = "In response, the Iraqi government set up a land bridge with Lebanon, but Iraqis read it as an endorsement of Hezbollah.";
    expect(substitutes("what did baghdad set up to get help into lebanon", sentence)).toEqual([]);
    expect(substitutes("what did damascus set up to get help into lebanon", sentence)).not.toEqual([]);
  });

  it("leaves out a name that only says when or who reports", () => {
    const sentence = "US warplanes struck 85 targets in Iraq and Syria.";
    expect(substitutes("how many targets did US warplanes hit after the Jordan strike", sentence)).toEqual([]);
    expect(substitutes("how many targets did US warplanes hit in Jordan", sentence)).toEqual(["Iraq for Jordan"]);
  });

  it("takes a name the passage gives as its source for the teller, not a substitute", () => {
    const sentence = "The most recent raid caused 62 civilian casualties, according to the Yemen Data Project, a watchdog.";
    expect(substitutes("how many civilian casualties did israel's latest raid on yemen cause", sentence)).toEqual([]);
    expect(substitutes("how many casualties did hamas's raid cause", "The raid by Hezbollah caused 62 casualties.")).toEqual(["Hezbollah for Hamas"]);
  });

  it("takes a name inside another (Israel in Israel Defense Forces) for part of the same actor", () => {
    expect(substitutes("what did the Israel Defense Forces do in the raid", "Israel has launched dozens of airstrikes over the last year.")).toEqual([]);
  });

  it("takes a state's nationality word for its armed forces ('an Israeli ground offensive' speaks of the IDF), and no other state's", () => {
    const sentence = "With Hamas weakened, Hezbollah is now reeling under a continuing Israeli air and ground offensive in Lebanon.";
    expect(substitutes("is the IDF doing ground ops in lebanon", sentence)).toEqual([]);
    expect(substitutes("is the IDF doing ground ops in lebanon", "With Hamas weakened, Hezbollah is now reeling under a continuing air and ground offensive in Lebanon.")).toEqual(["Hamas for Israel Defense Forces"]);
  });

  it("takes a name of the kind the question asks for as its answer, not a substitute", () => {
    const sentence = "The main militia standing behind these efforts is Kataib Hezbollah.";
    expect(substitutes("which militia is behind the Houthis' drones", sentence, "person-or-group")).toEqual([]);
    expect(substitutes("how did the Houthis fund their drones", sentence)).toEqual(["Kataib Hezbollah for Houthis"]);
  });

  it("takes any name as a possible answer to a 'which …' question, whose noun may name a group or a thing", () => {
    const sentence = "The most recent raid caused 62 civilian casualties, the Yemen Data Project, a watchdog, found.";
    expect(substitutes("Which watchdog reported the casualties from Israel's raid on Yemen?", sentence)).toEqual([]);
    expect(substitutes("what did Israel's raid on Yemen cause", sentence)).toEqual(["Yemen Data Project for Israel"]);
  });
});

describe("substitutedNames: a thing given another state's nationality", () => {
  const SOLDIERS = "Back in January 2024, Kataib Hezbollah killed three US soldiers in Jordan.";

  it("finds the state the passage puts before the same word, for a nationality typed in lower case", () => {
    expect(substitutes("when did kataib hezbollah kill three israeli soldiers in jordan", SOLDIERS)).toEqual(["United States for Israel"]);
  });

  it("finds none when the passage gives the asked state in another form", () => {
    expect(substitutes("when did kataib hezbollah kill three american soldiers in jordan", SOLDIERS)).toEqual([]);
    expect(substitutes("when did kataib hezbollah kill three us soldiers in jordan", SOLDIERS)).toEqual([]);
    expect(substitutes("when did kataib hezbollah kill three israeli soldiers", `${SOLDIERS} Israel said nothing.`)).toEqual([]);
  });

  it("reads a region as no state", () => {
    expect(statesBeforeWords("the north american expedition")).toEqual(new Map());
    expect(statesBeforeWords("three US soldiers and Iraqi militias")).toEqual(new Map([["soldier", new Set(["unitedstates"])], ["militia", new Set(["iraq"])]]));
  });
});
