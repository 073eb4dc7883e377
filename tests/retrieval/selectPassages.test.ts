import { describe, expect, it } from "vitest";
import { leansOnPrevious, mentionsName, scoreSentence, type PassageQuery, type SentenceRecord } from "../../retrieval/selectPassages.js";
import { passageHasAnswerType, questionAnswerType, readAskedQuestion } from "../../retrieval/answerType.js";
import { tokenize } from "../../retrieval/text/tokenize.js";

// Every sentence is as close in meaning to the question (similarity 1), so only the words decide.
const VECTOR = [1, 0, 0];

function record(text: string, before = ""): SentenceRecord {
  const tokens = tokenize(text);
  return { docId: "d", index: 0, start: 0, end: text.length, tokens, terms: new Set(tokens), windowTerms: new Set([...tokens, ...tokenize(before)]) };
}

function query(question: string): PassageQuery {
  const concepts = [...new Set(tokenize(question))].map((term) => ({ typed: term, forms: [{ term, weight: 1 }], name: false }));
  return { vector: VECTOR, concepts, answerType: questionAnswerType(question), question: readAskedQuestion(question), idf: () => 1, known: () => true, absentWeight: 1 };
}

const score = (q: PassageQuery, text: string, before = "") => scoreSentence(q, record(text, before), { context: 1, similarity: 1 }, text);

describe("scoreSentence", () => {
  it("ranks the sentence holding the kind of phrase asked for above one that only repeats the question's words", () => {
    const q = query("When was the Harbour Bridge opened?");
    const withYear = score(q, "The Harbour Bridge opened in 1932.");
    const withoutYear = score(q, "The Harbour Bridge was opened by the premier.");
    expect(withYear.typeMatch).toBe(true);
    expect(withoutYear.typeMatch).toBe(false);
    expect(withYear.supported).toBe(true);
    expect(withoutYear.supported).toBe(false);
    expect(withYear.score).toBeGreaterThan(withoutYear.score);
  });

  it("does not take a fuller form of a name the question gives for a new name: 'Hassan Nasrallah' does not answer who succeeded Nasrallah", () => {
    const q = query("Who is Hezbollah's new leader after Nasrallah?");
    expect(score(q, "The assassination of Hezbollah leader Hassan Nasrallah on Friday has sent shockwaves across the region.").typeMatch).toBe(false);
    expect(score(q, "After Hassan Nasrallah, Hezbollah chose Naim Qassem as its leader.").typeMatch).toBe(true);
  });

  it("does not count a name the sentence gives only to name someone else by ('Nasrallah's son-in-law'), unless the question asks after that relation", () => {
    const named = (question: string) => {
      const q = query(question);
      return { ...q, concepts: q.concepts.map((c) => (c.forms[0]!.term === "nasrallah" ? { ...c, name: true } : c)) };
    };
    const q = named("Did Israel kill Nasrallah?");
    const relative = score(q, "An Israeli strike killed Nasrallah's son-in-law Hassan Jaafar al-Qasir.");
    const himself = score(q, "An Israeli strike killed the Hezbollah leader, Hassan Nasrallah.");
    expect(relative.lexical).toBeLessThan(himself.lexical);
    expect(relative.score).toBeLessThan(himself.score);
    // A sentence that also names him himself counts him.
    expect(score(q, "Nasrallah said Israel killed Nasrallah's son-in-law.").lexical).toBe(1);
    const askedAfter = named("Was Nasrallah's son-in-law killed?");
    expect(score(askedAfter, "That attack reportedly killed Nasrallah's son-in-law Hassan Jaafar al-Qasir.").lexical).toBe(1);
  });

  it("needs only one of names the question gives as alternatives around the sentence ('was he KH or nujaba')", () => {
    const q = query("Was Khafaji with Kataib or Nujaba?");
    // Rare names, as these are in the articles: only a rare name must be around.
    const named = (alternatives: boolean) => ({
      ...q,
      idf: () => 5,
      concepts: q.concepts.map((c) => (["khafaji", "kataib", "nujaba"].includes(c.forms[0]!.term) ? { ...c, name: true, ...(alternatives && c.forms[0]!.term !== "khafaji" ? { alternatives: 1 } : {}) } : c)),
    });
    const sentence = "Khafaji was a senior official of Kataib Hezbollah.";
    expect(score(named(true), sentence).missingNames).toEqual([]);
    expect(score(named(false), sentence).missingNames).toEqual(["nujaba"]);
    expect(score(named(true), "Khafaji was killed near Damascus.").missingNames).toEqual(["kataib", "nujaba"]);
  });

  it("gives the names missing around the sentence as typed, not as search terms, for the reply to name them", () => {
    const q = query("What did Knights say about the conflict?");
    const knights = { ...q, idf: () => 5, concepts: q.concepts.map((c) => (c.forms[0]!.term === "knight" ? { ...c, typed: "knights", name: true } : c)) };
    expect(score(knights, "The conflict has received little attention.").missingNames).toEqual(["knights"]);
  });

  it("takes a time told relative to an event as an answer to 'when'", () => {
    const q = query("When did the ferry service start?");
    expect(score(q, "The ferry service started just hours after the bridge closed.").typeMatch).toBe(true);
    expect(score(q, "The ferry service started the following morning.").typeMatch).toBe(true);
    expect(score(q, "The ferry service started after the bridge closed.").typeMatch).toBe(false);
  });

  it("takes a time told relative to the article's own date as an answer to 'when'", () => {
    const q = query("When did the ferry service start?");
    for (const told of ["in recent months", "in the coming weeks", "over the past few years", "this year", "recently", "last night"]) {
      expect(score(q, `The ferry service started ${told}.`).typeMatch, told).toBe(true);
    }
    // "recent" or "coming" alone tells no time.
    expect(score(q, "The ferry service started with recent ships.").typeMatch).toBe(false);
    expect(score(q, "The ferry service started in the coming of the ships.").typeMatch).toBe(false);
  });

  it("takes a name opening a sentence as an answer to 'who' only before a verb of saying", () => {
    const q = query("Who said every big war has its forgotten corners?");
    expect(score(q, "Knights said: “Every big war has its forgotten corners.”").typeMatch).toBe(true);
    expect(score(q, "Every big war has its forgotten corners. Knights told reporters so.").typeMatch).toBe(true);
    // A capital opening a sentence is only the sentence's start.
    expect(score(q, "Every big war has its forgotten corners.").typeMatch).toBe(false);
    expect(score(q, "Wars said to be forgotten have corners.").typeMatch).toBe(false);
    expect(score(q, "It said every big war has its forgotten corners.").typeMatch).toBe(false);
    expect(score(q, "Every big war has its forgotten corners. He told reporters so.").typeMatch).toBe(false);
  });

  it("takes 'twice' and the tens in words as numbers for 'how many'", () => {
    const q = query("How many times has the ferry sunk?");
    expect(score(q, "The ferry has sunk twice since it was built.").typeMatch).toBe(true);
    expect(score(q, "Some forty people were aboard when the ferry sank.").typeMatch).toBe(true);
    expect(score(q, "The ferry has sunk before.").typeMatch).toBe(false);
  });

  it("does not take a date for an amount, but takes a duration for 'how long'", () => {
    const much = query("How much potash was stored at the depot?");
    expect(score(much, "On September 26 the strike targeted the main potash storage depot.").typeMatch).toBe(false);
    expect(score(much, "In 2024 the depot stored potash.").typeMatch).toBe(false);
    expect(score(much, "The depot stored 5,000 tonnes of potash.").typeMatch).toBe(true);
    const long = query("How long has Israel struck targets in Syria?");
    expect(score(long, "Israel has struck targets in Syria for years.").typeMatch).toBe(true);
    expect(score(long, "Israel has struck targets in Syria since 2013.").typeMatch).toBe(true);
  });

  it("counts the question's words in the sentences just before as coverage, and ranks on it", () => {
    const q = query("How many cars cross the Harbour Bridge each day?");
    const leaning = score(q, "About 160,000 cars cross it each day.", "The Harbour Bridge spans the harbour.");
    const alone = score(q, "About 160,000 cars cross it each day.");
    expect(leaning.lexical).toBe(alone.lexical);
    expect(alone.supported && leaning.supported).toBe(true);
    expect(leaning.coverage).toBeGreaterThan(alone.coverage);
    expect(leaning.score).toBeGreaterThan(alone.score);
  });

  it("keeps the score a weighted mean in [0, 1]", () => {
    const q = query("When was the Harbour Bridge opened?");
    for (const text of ["The Harbour Bridge opened in 1932.", "Trains run every ten minutes.", ""]) {
      const { score: s } = score(q, text);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});

describe("leansOnPrevious", () => {
  it("reads a sentence opening with a pronoun, the people just named or a time connective as leaning on the one before it", () => {
    expect(leansOnPrevious("He was killed in a drone strike.")).toBe(true);
    expect(leansOnPrevious("Later on Sunday, the Israeli army said a Navy boat had intercepted a drone.")).toBe(true);
    expect(leansOnPrevious("The next day, the group claimed it.")).toBe(true);
    expect(leansOnPrevious("The troops were reported to have seized key documents.")).toBe(true);
    expect(leansOnPrevious("The militias have targeted Israel with drones and also claim they have launched cruise missiles.")).toBe(true);
    expect(leansOnPrevious("Thenceforth nothing changed.")).toBe(false);
    expect(leansOnPrevious("The Islamic Resistance in Iraq claimed a drone attack on Eilat.")).toBe(false);
  });
});

describe("questionAnswerType", () => {
  it("reads the kind asked for past the words a chat message opens with, and in a later clause", () => {
    expect(questionAnswerType("so who killed those 3 us soldiers in jordan")).toBe("person-or-group");
    expect(questionAnswerType("ok but when did the drone hit eilat")).toBe("time");
    expect(questionAnswerType("they had been meeting in baghdad every day? who was there")).toBe("person-or-group");
    expect(questionAnswerType("and how many drones were launched")).toBe("number");
    expect(questionAnswerType("what was the death toll from the strike on homs")).toBe("number");
    // A question with no question word asks for anything, whatever follows it.
    expect(questionAnswerType("so the militias stopped attacking? why")).toBe("any");
    expect(questionAnswerType("sources say who")).toBe("any");
  });

  it("reads what a question asks past a clause that sets the scene, not from its opening 'when' or 'after'", () => {
    expect(questionAnswerType("When a plant is injured, what can become proplastids?")).toBe("any");
    expect(questionAnswerType("When people take on debt, it leads potentially to what?")).toBe("any");
    expect(questionAnswerType("after nasrallah died who took over")).toBe("person-or-group");
    expect(questionAnswerType("when the us hit kh how many died")).toBe("number");
    // A "when" followed by the question's verb asks when; with no later question word, it still does.
    expect(questionAnswerType("when exactly did the drone hit eilat")).toBe("time");
    expect(questionAnswerType("when israel killed nasrallah?")).toBe("time");
    expect(questionAnswerType("where is the mouth located")).toBe("place");
  });

  it("takes a title the question asks about, leading a name, as no part of the name", () => {
    const has = (question: string, passage: string) => passageHasAnswerType(passage, questionAnswerType(question), readAskedQuestion(question));
    expect(has("who is the prime minister of iraq", "They are present in the government of Prime Minister Mohammed Shia al-Sudani.")).toBe(true);
    expect(has("who succeeded nasrallah", "The group mourned Hassan Nasrallah.")).toBe(false);
    expect(has("who succeeded hassan nasrallah", "The group mourned Hassan Nasrallah.")).toBe(false);
  });

  it("takes a year or a day of a date as no amount, whatever punctuation follows it", () => {
    const has = (question: string, passage: string) => passageHasAnswerType(passage, questionAnswerType(question), readAskedQuestion(question));
    expect(has("how old was nasrallah when he died", "A memorial service for Hassan Nasrallah was held in Sadr City on September 29, 2024.")).toBe(false);
    expect(has("how many drones were launched", "The drones were launched on 25 September, in 2024.")).toBe(false);
    expect(has("how many drones were launched", "At least 25 drones were launched in 2024.")).toBe(true);
    // A year a duration runs from answers "how long".
    expect(has("how long has the group fought", "It has fought since 2014.")).toBe(true);
  });

  it("reads an amount of money, a length and a date as kinds of their own, which a bare number or 'last week' does not answer", () => {
    expect(questionAnswerType("how much did saudi arabia pay for its batteries")).toBe("money");
    expect(questionAnswerType("what was the cost of the defence system")).toBe("money");
    expect(questionAnswerType("how much of the budget went to the militias")).toBe("number");
    expect(questionAnswerType("what's the range of the al-arqab missile")).toBe("distance");
    expect(questionAnswerType("how far did the drone fly")).toBe("distance");
    expect(questionAnswerType("what exact date did qaani arrive in baghdad")).toBe("date");
    expect(questionAnswerType("in what year was hezbollah founded")).toBe("date");
    expect(questionAnswerType("when did qaani arrive in baghdad")).toBe("time");
    // "what is the <kind> behind …" asks for a party's name; a fragment says what it asks last.
    expect(questionAnswerType("what is the main militia behind the IRI")).toBe("person-or-group");
    expect(questionAnswerType("what is the militia doing in syria")).toBe("any");
    expect(questionAnswerType("nasrallah memorial baghdad where")).toBe("place");
    expect(questionAnswerType("eilat drone when")).toBe("time");
    expect(questionAnswerType("what did they say and when")).toBe("any");
    const has = (question: string, passage: string) => passageHasAnswerType(passage, questionAnswerType(question), readAskedQuestion(question));
    expect(has("how much did they pay", "Saudi Arabia bought ten batteries.")).toBe(false);
    expect(has("how much did they pay", "The government ordered the $2.8bn system.")).toBe(true);
    expect(has("how much did they pay", "It cost three million dollars.")).toBe(true);
    expect(has("what is the range of the missile", "The missile has a range of 1,500 km.")).toBe(true);
    expect(has("what is the range of the missile", "It was fired from 300 kilometres away.")).toBe(true);
    expect(has("what exact date did he arrive", "He visited Baghdad last week.")).toBe(false);
    expect(has("what exact date did he arrive", "They may opt for self-preservation.")).toBe(false);
    expect(has("what exact date did he arrive", "He arrived on September 26.")).toBe(true);
    // "how long ago" is answered by how long ago, though the question says "ago" too.
    expect(has("hezbollah founded how long ago", "It was founded in Lebanon more than 40 years ago.")).toBe(true);
    expect(has("hezbollah founded how long ago", "It was founded in Lebanon years ago.")).toBe(true);
    expect(has("hezbollah founded how long ago", "It was founded in Lebanon with Iranian sponsorship.")).toBe(false);
  });
});

describe("mentionsName", () => {
  const terms = (text: string) => new Set(tokenize(text));

  it("finds a name as the question spells it in another form or with a one-letter slip", () => {
    expect(mentionsName(terms("Education in Australia follows a three-tier model."), tokenize("Australian")[0]!)).toBe(true);
    expect(mentionsName(terms("Andreas Karlstadt embarked on a programme of reform."), tokenize("Karistadt")[0]!)).toBe(true);
    expect(mentionsName(terms("Talks were held for the Premier League rights."), tokenize("Primier")[0]!)).toBe(true);
  });

  it("does not take a different name for it", () => {
    expect(mentionsName(terms("Hezbollah fired rockets at Haifa."), tokenize("Hamas")[0]!)).toBe(false);
    expect(mentionsName(terms("Qaani met commanders in Baghdad."), tokenize("Soleimani")[0]!)).toBe(false);
    // Short names must match exactly: "Iraq" is not "Iran".
    expect(mentionsName(terms("Militias in Iraq claimed the attack."), tokenize("Iran")[0]!)).toBe(false);
  });
});
