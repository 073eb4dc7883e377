import { beforeAll, describe, expect, it } from "vitest";
import { understandQuestion, type QueryLexicon } from "../../../retrieval/query/understandQuestion.js";
import { buildVocabulary } from "../../../retrieval/query/vocabulary.js";
import type { Thesaurus } from "../../../retrieval/query/relatedTerms.js";
import { termOf, tokenize } from "../../../retrieval/text/tokenize.js";
import { seedRegistry } from "../../actors/seedRegistry.js";

let lexicon: QueryLexicon;

beforeAll(async () => {
  const actors = await seedRegistry();
  const terms = new Set(actors.documents.flatMap((d) => d.regions.flatMap((r) => tokenize(d.text.slice(r.start, r.end)))));
  lexicon = { vocabulary: buildVocabulary(actors.documents), hasTerm: (t) => terms.has(t), actors };
});

const termsOf = (question: string, extra: Partial<QueryLexicon> = {}) => understandQuestion(question, { ...lexicon, ...extra }).terms;
const weightOf = (question: string, term: string, extra: Partial<QueryLexicon> = {}) => termsOf(question, extra).find((t) => t.term === term)?.weight;

describe("understandQuestion", () => {
  it("leaves an English word the dictionary lacks as typed, never correcting it to a corpus word", () => {
    expect(understandQuestion("are any PMF factions among the ones hitting israel", lexicon).searched).toBe("are any PMF factions among the ones hitting israel");
  });

  it("reads a slip in a word the articles never use as the dictionary's word, searched by its related words at no more weight", async () => {
    const { openWordNet } = await import("../../../retrieval/query/wordnet.js");
    const understood = understandQuestion("are the iraqi groups htting us troops", { ...lexicon, thesaurus: openWordNet() });
    expect(understood.searched).toBe("are the iraqi groups hitting us troops");
    const hitting = understood.concepts.find((c) => c.typed === "htting")!;
    // The articles say "struck" and "attack", never "hit": those are searched, and "hit" weighs nothing of its own.
    expect(hitting.forms.map((f) => f.term)).toEqual(expect.arrayContaining(tokenize("struck attack")));
    expect(hitting.missing).toBe("unread");
  });

  it("splits words typed together, but corrects a slip of a corpus word rather than splitting it", () => {
    const understood = understandQuestion("howmany drones hit eilat", lexicon);
    expect(understood.searched).toBe("how many drones hit eilat");
    expect(understood.answerType).toBe("number");
    expect(understood.rewrites).toContainEqual({ from: "howmany", to: "how many", kind: "typo" });
    expect(understandQuestion("who is hasan nasrallah", lexicon).searched).not.toMatch(/has an/);
  });

  it("searches a misspelt name as the corpus spells it and says so", () => {
    const understood = understandQuestion("who is sistany", lexicon);
    expect(understood.searched).toBe("who is Sistani");
    expect(understood.rewrites).toEqual([{ from: "sistany", to: "Sistani", kind: "spelling" }]);
    const nujaba = understandQuestion("nujabba attaks on eilat", lexicon);
    expect(nujaba.searched).toBe("Nujaba attacks on eilat");
    expect(nujaba.rewrites.map((r) => r.kind)).toEqual(["spelling", "typo"]);
    expect(nujaba.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["nujaba", "attack", "eilat"]));
    // A possessive keeps its "'s": "Sistani group" would read as two names.
    expect(understandQuestion("what did sistany's office say", lexicon).searched).toBe("what did Sistani's office say");
  });

  it("knows names without capitals, from the corpus", () => {
    const understood = understandQuestion("where was khafaji killed", lexicon);
    expect(understood.concepts.find((c) => c.typed === "khafaji")?.name).toBe(true);
    expect(understood.concepts.find((c) => c.typed === "killed")?.name).toBe(false);
  });

  it("reads a word of an actor's name typed after its short form as part of it (\"PMF units\")", () => {
    const understood = understandQuestion("are PMF units part of the groups hitting israel", lexicon);
    expect(understood.concepts.map((c) => c.typed)).toEqual(["pmf", "part", "groups", "hitting", "israel"]);
    expect(understandQuestion("are PMF fighters part of it", lexicon).concepts.map((c) => c.typed)).toContain("fighters");
  });

  it("spells out an acronym the corpus never writes, through the actor registry", () => {
    const understood = understandQuestion("yo whats the deal w kh tbh", lexicon);
    expect(understood.searched).toBe("what about Kataib Hezbollah");
    expect(understood.rewrites).toEqual([{ from: "kh", to: "Kataib Hezbollah", kind: "alias" }]);
    expect(weightOf("what is kh", "kataib")).toBe(1);
    expect(weightOf("what is kh", "ktaeb")).toBe(1);
  });

  it("reads a slip beside half of a known name as its other half, though the slip is a word of its own", () => {
    expect(understandQuestion("what did michael nights say about the houthis", lexicon).searched).toBe("what did michael Knights say about the houthis");
    expect(understandQuestion("who is hassam nasrallah", lexicon).searched).toBe("who is Hassan nasrallah");
    // Without the other half beside it, a word is only itself.
    expect(understandQuestion("what happened on those nights", lexicon).searched).toBe("what happened on those nights");
    expect(understandQuestion("who is michael knights", lexicon).rewrites).toEqual([]);
    // "of" is in "Islamic Resistance of Iraq", but is no name; and "iraqi" is a name of the corpus as typed.
    expect(understandQuestion("which bloc of iraqi parties warned of strikes", lexicon).rewrites).toEqual([]);
  });

  it("knows a state by what the news calls it instead of its name ('the jewish state', 'the zionist regime')", () => {
    const [israel] = tokenize("israel");
    for (const question of ["has the jewish state hit the yemeni rebels at home", "what did the Zionist regime export through eilat"]) {
      const concepts = understandQuestion(question, lexicon).concepts;
      expect(concepts.some((c) => c.name && c.forms.some((f) => f.term === israel)), question).toBe(true);
    }
  });

  it("knows an actor by the name typed, though another actor's longer name contains it", () => {
    const irgc = understandQuestion("did the IRGC set up KH", lexicon).concepts.find((c) => c.typed === "irgc");
    expect(irgc?.identifiedBy).toContainEqual(["irgc"]);
    // "Hezbollah" alone names Lebanon's Hezbollah, not Kataib Hezbollah.
    const kh = understandQuestion("what is kh", lexicon).concepts.find((c) => c.typed === "kh");
    expect(kh?.identifiedBy).not.toContainEqual(["hezbollah"]);
  });

  it("adds an actor's other names below the typed one when the corpus writes the typed one too", () => {
    const understood = understandQuestion("what is the PMF", lexicon);
    expect(understood.searched).toBe("what is the PMF");
    expect(understood.rewrites).toEqual([]);
    expect(weightOf("what is the PMF", "pmf")).toBe(1);
    expect(weightOf("what is the PMF", "hashd")).toBe(0.5);
    expect(weightOf("what is the PMF", "mobil")).toBe(0.5);
  });

  it("reads a capital for its state and a state for its capital, at a low weight", () => {
    expect(weightOf("what does tehran want", "iran")).toBe(0.3);
    expect(weightOf("what does iran want", "tehran")).toBe(0.3);
  });

  it("finds the state that places a described capital where the city is named, and a name by its other spelling", () => {
    const [syrian, syria, damascus, shia, shiite] = tokenize("syrian syria damascus shia shiite");
    const concept = (question: string, typed: string) => understandQuestion(question, lexicon).concepts.find((c) => c.typed === typed)!;
    expect(concept("what did he do in the syrian capital", "syrian").identifiedBy).toEqual([[syrian], [damascus]]);
    expect(concept("who was killed near the capital of syria", "syria").identifiedBy).toContainEqual([damascus]);
    expect(concept("who was killed near the capital of syria", "syria").identifiedBy).toContainEqual([syria]);
    expect(concept("what did iraq's top shia cleric say", "shia").forms).toContainEqual({ term: shiite, weight: 1 });
    expect(shia).not.toBe(shiite);
  });

  it("finds a capital standing for its government where its state is named, but a capital as a place only as itself", () => {
    const [tehran, iran, iranian] = tokenize("tehran iran iranian");
    const concept = (question: string, typed: string) => understandQuestion(question, lexicon).concepts.find((c) => c.typed === typed)!;
    expect(concept("what does tehran want from the militias", "tehran").identifiedBy).toEqual([[tehran], [iran], [iranian]]);
    expect(concept("which tehran-aligned groups sit in the cabinet", "tehran").identifiedBy).toEqual([[tehran], [iran], [iranian]]);
    expect(concept("who was hit in baghdad", "baghdad").identifiedBy).toBeUndefined();
    expect(concept("what happened south of baghdad", "baghdad").identifiedBy).toBeUndefined();
    // A city one goes to or strikes is the place: "Lebanon" nearby does not say Qaani was in Beirut.
    expect(concept("why did qaani visit beirut", "beirut").identifiedBy).toBeUndefined();
    expect(concept("when did israel bomb baghdad", "baghdad").identifiedBy).toBeUndefined();
  });

  it("lists the names the articles never mention, by WordNet or a capital, but not another spelling of theirs", async () => {
    const { openWordNet } = await import("../../../retrieval/query/wordnet.js");
    const thesaurus = openWordNet();
    const absent = (question: string) => understandQuestion(question, { ...lexicon, thesaurus }).absentNames;
    expect(absent("when did iraq order the cheongung system from japan")).toEqual(["japan"]);
    expect(absent("why is al-zaidi saying the resistance is focusing on tel aviv")).toEqual(["tel aviv"]);
    expect(absent("what did Sudani and Erdogan talk about")).toEqual(["Erdogan"]);
    expect(absent("did the houthis open offices in bagdad")).toEqual([]);
    expect(absent("what did the Jerusalem Post say deterred the militias")).toEqual([]);
    expect(absent("why did qaani visit baghdad")).toEqual([]);
    // However typed, a term from elsewhere is absent; a slip one letter from a word ("vance", "lance") is not taken for one.
    expect(absent("best shawarma in baghdad")).toEqual(["shawarma"]);
    expect(absent("is the pmf on tiktok")).toEqual(["tiktok"]);
    expect(absent("what did sudani and vance talk about")).toEqual([]);
    // Blinken is named only in a photo caption, but named: the caption is quoted (corpus.test.ts).
    expect(absent("what did sudani and blinken talk about")).toEqual([]);
    expect(absent("why are the sunni groups critisizing the government")).toEqual([]);
    thesaurus.close();
  });

  it("searches a name the dictionary spells another way as the articles spell it", async () => {
    const { openWordNet } = await import("../../../retrieval/query/wordnet.js");
    const thesaurus = openWordNet();
    const understood = understandQuestion("is the iranian plan for irak a secret", { ...lexicon, thesaurus });
    expect(understood.searched).toBe("is the iranian plan for Iraq a secret");
    expect(understood.rewrites).toEqual([{ from: "irak", to: "Iraq", kind: "spelling" }]);
    expect(understood.terms.find((t) => t.term === "iraq")?.weight).toBe(1);
    thesaurus.close();
  });

  it("reads a nationality word for its state and a state for its nationality word, below the typed word", () => {
    const [iraq, iraqi, us, israel] = tokenize("Iraq Iraqi US Israel");
    expect(weightOf("why are iraqi militias attacking israel", iraq!)).toBe(0.5);
    expect(weightOf("what do iraq's militias want", iraqi!)).toBe(0.5);
    expect(weightOf("how many attacks on american forces", us!)).toBe(0.5);
    expect(weightOf("what did israeli commandos seize", israel!)).toBe(0.5);
    expect(weightOf("what did israeli commandos seize", tokenize("Israeli")[0]!)).toBe(1);
  });

  it("reads 'the syrian capital', 'syria's capital' and 'the capital of syria' as the city, at full weight", () => {
    const [damascus, baghdad] = tokenize("Damascus Baghdad");
    expect(weightOf("who was killed near the syrian capital's airport", damascus!)).toBe(1);
    expect(weightOf("what happened in syria's capital", damascus!)).toBe(1);
    expect(weightOf("who met in the capital of iraq", baghdad!)).toBe(1);
    expect(weightOf("what is the capital market doing", damascus!)).toBeUndefined();
  });

  it("reads names either side of 'or' as alternatives, and nothing else", () => {
    const concepts = understandQuestion("was khafaji KH or nujaba", lexicon).concepts;
    const kh = concepts.find((c) => c.typed === "kh")!;
    const nujaba = concepts.find((c) => c.typed === "nujaba")!;
    expect(kh.alternatives).toBeDefined();
    expect(nujaba.alternatives).toBe(kh.alternatives);
    expect(concepts.find((c) => c.typed === "khafaji")!.alternatives).toBeUndefined();
    // "strikes or raids" are words, not names: the question asks about both.
    expect(understandQuestion("did israel carry out strikes or raids in iraq", lexicon).concepts.every((c) => c.alternatives === undefined)).toBe(true);
  });

  it("reads 'the us' as the country and never the pronoun", () => {
    const country = tokenize("US")[0]!;
    expect(termsOf("why did the us kill muhandis").map((t) => t.term)).toContain(country);
    expect(termsOf("tell us about qaani").map((t) => t.term)).not.toContain(country);
    expect(termsOf("iri attacks on us forces").map((t) => t.term)).toContain(country);
    expect(termsOf("did they warn us before").map((t) => t.term)).not.toContain(country);
    expect(termsOf("us retaliation strikes number of targets").map((t) => t.term)).toContain(country);
    expect(termsOf("what did the us withdrawal deal say").map((t) => t.term)).toContain(country);
    // Written out, it is the same one word the articles' "US" is.
    expect(understandQuestion("when did the united states strike iraq", lexicon).concepts.map((c) => c.typed)).toEqual(["unitedstates", "strike", "iraq"]);
  });

  it("drops chat noise before reading, so none of it is searched", () => {
    const terms = termsOf("bro pls who's qaani lol").map((t) => t.term);
    expect(terms).toEqual(["qaani", "esmail"]);
  });

  it("adds related words from the thesaurus that the corpus uses, below the typed word", () => {
    const thesaurus: Thesaurus = {
      isWord: (form) => ["boss", "shot"].includes(form),
      related: (form) => (form === "boss" ? [{ word: "commander", relation: "synonym", sense: 0 }, { word: "gaffer", relation: "synonym", sense: 0 }, { word: "official", relation: "hypernym", sense: 0 }, { word: "director", relation: "synonym", sense: 5 }] : []),
    };
    expect(weightOf("who is the boss of the quds force", "command", { thesaurus })).toBe(0.5);
    expect(weightOf("who is the boss of the quds force", "offici", { thesaurus })).toBe(0.3);
    expect(weightOf("who is the boss of the quds force", "boss", { thesaurus })).toBe(1);
    // Words the corpus never uses, and rare senses, add nothing.
    expect(weightOf("who is the boss of the quds force", "gaffer", { thesaurus })).toBeUndefined();
    expect(weightOf("who is the boss of the quds force", "director", { thesaurus })).toBeUndefined();
  });

  it("does not count words that frame the question as what it asks about, and reads the kind of answer from them", () => {
    const fragment = understandQuestion("masyaf raid location", lexicon);
    expect(fragment.concepts.map((c) => c.typed)).toEqual(["masyaf", "raid"]);
    expect(fragment.answerType).toBe("place");
    expect(fragment.searched).toBe("masyaf raid location");
    expect(understandQuestion("what happened at the kalsu base", lexicon).concepts.map((c) => c.typed)).toEqual(["kalsu", "base"]);
    expect(understandQuestion("did the drones hit anything in eilat", lexicon).concepts.map((c) => c.typed)).toEqual(["drones", "hit", "eilat"]);
    // "Yet the Iraqi government has a problem" says nothing of whether Israel struck Iraq.
    expect(understandQuestion("did israel strike iraq yet", lexicon).concepts.map((c) => c.typed)).toEqual(["israel", "strike", "iraq"]);
    // "how long" asks for a time or an amount: "long" is no word the answer holds, though "a long war" is.
    expect(understandQuestion("how long after the jordan attack did the us strike back", lexicon).concepts.map((c) => c.typed)).not.toContain("long");
    expect(understandQuestion("how long after the jordan attack did the us strike back", lexicon).answerType).toBe("time");
    expect(understandQuestion("why is it a long war", lexicon).concepts.map((c) => c.typed)).toContain("long");
    // "what year" asks for a year ("in 2020"), which answers do not call one; "last year" is a time of its own.
    expect(understandQuestion("in what year did the us kill soleimani", lexicon).concepts.map((c) => c.typed)).toEqual(["unitedstates", "kill", "soleimani"]);
    expect(understandQuestion("which month did the houthis open an office in baghdad", lexicon).concepts.map((c) => c.typed)).not.toContain("month");
    expect(understandQuestion("how many attacks were there last year", lexicon).concepts.map((c) => c.typed)).toContain("year");
    // "get" as a light verb is not searched; "get to" a place is.
    expect(understandQuestion("how many people got hurt by the pager blasts", lexicon).concepts.map((c) => c.typed)).toEqual(["people", "hurt", "pager", "blasts"]);
    expect(understandQuestion("how do i get to baghdad", lexicon).concepts.map((c) => c.typed)).toContain("get");
    // "the guardian piece" is where it was read: the publisher's name says which articles.
    expect(understandQuestion("what did the guardian piece say about eilat", lexicon).concepts.map((c) => c.typed)).not.toContain("piece");
    expect(understandQuestion("which article of the agreement covers the withdrawal", lexicon).concepts.map((c) => c.typed)).toContain("article");
    // "the badr guy" is one of Badr's people, as the articles call them by role; "the guy who" is kept.
    expect(understandQuestion("what the badr guy said about copying iran", lexicon).concepts.map((c) => c.typed)).not.toContain("guy");
    expect(understandQuestion("who is the guy who spoke for the militias", lexicon).concepts.map((c) => c.typed)).toContain("guy");
    // A "media figure" is a person the question is about; "the casualty figure" asks for a number.
    const person = understandQuestion("what did the media figure close to the militias say", lexicon);
    expect(person.concepts.map((c) => c.typed)).toContain("figure");
    expect(person.answerType).toBe("any");
    const number = understandQuestion("kalsu casualty figure", lexicon);
    expect(number.concepts.map((c) => c.typed)).not.toContain("figure");
    expect(number.answerType).toBe("number");
    // A wh-word says the kind of answer before any framing word does.
    expect(understandQuestion("when did the houthis open their office, and what location", lexicon).answerType).toBe("time");
    // "how many times" asks how often ("twice"); "times" elsewhere is a word like any other.
    expect(understandQuestion("how many times has israel struck yemen", lexicon).concepts.map((c) => c.typed)).not.toContain("times");
    expect(understandQuestion("what did the new york times report", lexicon).concepts.map((c) => c.typed)).toContain("times");
    // A question asking how or why asks for a description or a reason, whatever number or place it speaks of.
    expect(understandQuestion("how did knights describe the number of drones fired from iraq", lexicon).answerType).toBe("any");
    expect(understandQuestion("why did the number of attacks rise", lexicon).answerType).toBe("any");
    expect(understandQuestion("the number of drones fired from iraq", lexicon).answerType).toBe("number");
  });

  it("searches the irregular forms of a typed word as the word itself", () => {
    const thesaurus: Thesaurus = {
      isWord: (form) => ["buying", "buy"].includes(form),
      related: (form) => (form === "buying" ? [{ word: "buy", relation: "inflection", sense: 0 }, { word: "bought", relation: "inflection", sense: 0 }] : []),
    };
    const understood = understandQuestion("why is iraq buying air defence", { ...lexicon, thesaurus });
    const buying = understood.concepts.find((c) => c.typed === "buying")!;
    expect(buying.forms).toEqual(expect.arrayContaining([{ term: termOf("bought"), weight: 1 }]));
    // "buy" is not in the articles, "bought" is: the word is found, not missing.
    expect(buying.missing).toBeUndefined();
  });

  it("adds the news words people's everyday words stand for, below the typed word", () => {
    const thesaurus: Thesaurus = { isWord: () => true, related: (form) => (form === "died" ? [{ word: "die", relation: "inflection", sense: 0 }] : []) };
    expect(weightOf("which commander died in damascus", "kill", { thesaurus })).toBe(0.5);
    expect(weightOf("who is the boss of the quds force", "command")).toBe(0.5);
    expect(weightOf("what did the militias hit", termOf("struck")!)).toBe(0.5);
    expect(weightOf("which newspaper printed the pullout timetable", "withdraw")).toBe(0.5);
    expect(weightOf("which newspaper printed the pullout timetable", "journal")).toBe(0.5);
    expect(weightOf("which commander visited baghdad", "visit")).toBe(1);
    // "went" is any going, not a visit: "going after militia leaders" adds nothing of visits.
    expect(weightOf("where has israel been going after militia leaders", "visit")).toBeUndefined();
    // Only words the articles use are searched.
    expect(weightOf("who is the boss of the quds force", "chairman")).toBeUndefined();
  });

  it("does not correct a real English word the corpus lacks into a corpus word", () => {
    const thesaurus: Thesaurus = { isWord: (form) => form === "recipe", related: () => [] };
    expect(understandQuestion("chocolate cake recipe", { ...lexicon, thesaurus }).rewrites).toEqual([]);
  });

  it("reads an ordinal day as its number where the articles write the number ('the 26th' for 'September 26')", () => {
    const understood = understandQuestion("what did irna claim on the 26th", lexicon);
    expect(understood.terms.map((t) => t.term)).toContain("26");
    expect(understood.rewrites).toEqual([{ from: "26th", to: "26", kind: "spelling" }]);
    // A number the articles never write stays as typed.
    expect(understandQuestion("what happened on the 93rd", lexicon).rewrites).toEqual([]);
  });
});

describe("understandQuestion: names in a question written with capitals", () => {
  const nameOf = (question: string, typed: string) => understandQuestion(question, lexicon).concepts.find((c) => c.typed === typed)?.name;

  it("takes a word the articles capitalise ('Prime Minister …') as a name when the question is typed in lower case", () => {
    expect(lexicon.vocabulary.names.has("prime")).toBe(true);
    expect(nameOf("who is the prime minister of iraq", "prime")).toBe(true);
  });

  it("takes a word left lower-case in a question that capitalises its names as no name", () => {
    expect(nameOf("Who is the prime minister of Iraq?", "prime")).toBe(false);
    expect(nameOf("Who is the prime minister of Iraq?", "iraq")).toBe(true);
  });

  it("still knows names from the corpus when the question capitalises only acronyms or not its first word", () => {
    expect(nameOf("Did the IRI hit eilat", "eilat")).toBe(true);
    expect(nameOf("did Israel hit eilat", "eilat")).toBe(true);
  });
});
