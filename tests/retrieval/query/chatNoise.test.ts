import { describe, expect, it } from "vitest";
import { removeChatNoise } from "../../../retrieval/query/chatNoise.js";

describe("removeChatNoise", () => {
  it("drops greetings, fillers and chat acronyms wherever they stand", () => {
    expect(removeChatNoise("yo bro who is qaani tbh")).toBe("who is qaani");
    expect(removeChatNoise("idk pls explain the PMF lol")).toBe("explain the PMF");
  });

  it("reads \"what's the deal with X\" and \"what's going on with X\" as asking about X, no deal", () => {
    expect(removeChatNoise("tbh whats the deal with the muhandis general company")).toBe("what about the muhandis general company");
    expect(removeChatNoise("what's going on with the houthis??")).toBe("what about the houthis?");
    expect(removeChatNoise("what was the deal with iran about")).toBe("what was the deal with iran about");
  });

  it("reads a sworn question opener (\"wtf is\", \"tf happened\") as \"what\", and drops it elsewhere", () => {
    expect(removeChatNoise("wtf is the IRI")).toBe("what is the IRI");
    expect(removeChatNoise("lol wtf is kh")).toBe("what is kh");
    expect(removeChatNoise("tf happened in eilat")).toBe("what happened in eilat");
    expect(removeChatNoise("wtf the militias attacked again")).toBe("the militias attacked again");
  });

  it("drops the asker's closing opinion (\"sounds like a flex\", \"feels like a lot of talk\")", () => {
    expect(removeChatNoise("so like how many fighters does al-zaidi say they have, sounds like a flex")).toBe("so how many fighters does al-zaidi say they have");
    expect(removeChatNoise("are the militias doing all the attacks they claim?? feels like a lot of talk")).toBe("are the militias doing all the attacks they claim?");
    // Not the question itself, before any comma or question mark.
    expect(removeChatNoise("why does it seem like iran wants the front kept small")).toBe("why does it seem iran wants the front kept small");
  });

  it("reads \"a couple\" of days or weeks as two, as the articles write it", () => {
    expect(removeChatNoise("how many attacks in the last couple weeks")).toBe("how many attacks in the last two weeks");
    expect(removeChatNoise("what happened a couple of days later")).toBe("what happened two days later");
    expect(removeChatNoise("who is the couple in the photo")).toBe("who is the couple in the photo");
  });

  it("spells out contractions with the auxiliary a question uses", () => {
    expect(removeChatNoise("who's sistani")).toBe("who is sistani");
    expect(removeChatNoise("why'd iran hold back")).toBe("why did iran hold back");
    expect(removeChatNoise("they'd been meeting in baghdad")).toBe("they had been meeting in baghdad");
    expect(removeChatNoise("what’s the PMF")).toBe("what is the PMF");
    expect(removeChatNoise("iran didn't want it")).toBe("iran did not want it");
  });

  it("reads chat spellings of small words as the words", () => {
    expect(removeChatNoise("r u sure the us left")).toBe("are you sure the us left");
    expect(removeChatNoise("whats the govt doing")).toBe("what is the government doing");
    expect(removeChatNoise("when's the deal gonna be official")).toBe("when is the deal going to be official");
    expect(removeChatNoise("did they wanna hit smth in eilat")).toBe("did they want to hit something in eilat");
    expect(removeChatNoise("what did zaidi say attacks on haifa wud do")).toBe("what did zaidi say attacks on haifa would do");
  });

  it("reads shortened news words as the words the articles write", () => {
    // "ops" is also a Roman goddess to WordNet: read as a word, it would be something the articles lack.
    expect(removeChatNoise("is the idf doing ground ops in lebanon")).toBe("is the idf doing ground operations in lebanon");
    expect(removeChatNoise("when did the hamas reps get there, any intel?")).toBe("when did the hamas representatives get there, any intelligence?");
    expect(removeChatNoise("what happened after wwii")).toBe("what happened after World War II");
  });

  it("folds runs of punctuation and keeps a question mark from a dropped word", () => {
    expect(removeChatNoise("where was khafaji killed??!!")).toBe("where was khafaji killed?");
    expect(removeChatNoise("!!! did iraq send aid")).toBe("did iraq send aid");
    expect(removeChatNoise("who leads kh lol?")).toBe("who leads kh?");
  });

  it("drops how the asker frames the question around themselves, but not a 'think' the question asks about", () => {
    expect(removeChatNoise("u think hamas would go to baghdad if they got kicked out of qatar??")).toBe("hamas would go to baghdad if they got kicked out of qatar?");
    expect(removeChatNoise("has baghdad decided to get involved or nah")).toBe("has baghdad decided to get involved");
    expect(removeChatNoise("so is tehran basically running iraq now or what lol")).toBe("so is tehran running iraq now");
    expect(removeChatNoise("wait nasrallah's dead?? how'd they get him")).toBe("nasrallah's dead? how did they get him");
    expect(removeChatNoise("how long did they wait")).toBe("how long did they wait");
    expect(removeChatNoise("i wonder why the militias announced it")).toBe("why the militias announced it");
    expect(removeChatNoise("what does the coordination framework think israel will do next")).toBe("what does the coordination framework think israel will do next");
  });

  it("reads a claim put up to be checked as the question, but not a 'right' or 'true' the question asks about", () => {
    expect(removeChatNoise("i read that israel killed khafaji. is that true?")).toBe("israel killed khafaji.");
    expect(removeChatNoise("someone said the houthis have an office in baghdad, true?")).toBe("the houthis have an office in baghdad");
    expect(removeChatNoise("is it true that kh killed three us soldiers")).toBe("kh killed three us soldiers");
    expect(removeChatNoise("true or false: iran founded hezbollah")).toBe("iran founded hezbollah");
    expect(removeChatNoise("hezbollah was founded by iran, right?")).toBe("hezbollah was founded by iran");
    expect(removeChatNoise("who is on the right?")).toBe("who is on the right?");
    expect(removeChatNoise("which claim is true?")).toBe("which claim is true?");
  });

  it("reads a question word typed too fast as the word, but not a real word it could be taken for", () => {
    expect(removeChatNoise("whta did the iraqi government do")).toBe("what did the iraqi government do");
    expect(removeChatNoise("wich militia is the strongest")).toBe("which militia is the strongest");
    expect(removeChatNoise("how meny attacks")).toBe("how many attacks");
    expect(removeChatNoise("hwo leads kh")).toBe("who leads kh");
    expect(removeChatNoise("were did the drone come from")).toBe("where did the drone come from");
    expect(removeChatNoise("were there attacks on eilat")).toBe("were there attacks on eilat");
  });

  it("writes out a month shortened beside a day or a year, and nothing else that looks like one", () => {
    expect(removeChatNoise("what happened on oct 7")).toBe("what happened on October 7");
    expect(removeChatNoise("attacks post oct. 7th")).toBe("attacks post October 7th");
    expect(removeChatNoise("what happened on 23 sept")).toBe("what happened on 23 September");
    expect(removeChatNoise("the jan 2024 strike in jordan")).toBe("the January 2024 strike in jordan");
    expect(removeChatNoise("did the strikes mar the deal")).toBe("did the strikes mar the deal");
    expect(removeChatNoise("what did jan say in dec")).toBe("what did jan say in dec");
  });

  it("drops a '-wise' or closing 'wise' said after the word it is about, but not the adjective", () => {
    expect(removeChatNoise("what can the militias hit with now, range wise")).toBe("what can the militias hit with now, range");
    expect(removeChatNoise("What would a teacher make, salary-wise?")).toBe("What would a teacher make, salary?");
    for (const kept of ["is it wise to go", "how is he wise?", "likewise, otherwise", "was that so wise?"]) expect(removeChatNoise(kept)).toBe(kept);
  });

  it("writes out thousands typed as 'k', as the articles write them, and no other k", () => {
    expect(removeChatNoise("does the resistance have like 10k fighters")).toBe("does the resistance have 10,000 fighters");
    expect(removeChatNoise("100K troops")).toBe("100,000 troops");
    for (const kept of ["2.5k troops", "the k10 rocket", "1000k", "KH and PMF"]) expect(removeChatNoise(kept)).toBe(kept);
  });

  it("drops a polite or indirect opening before the question word, but not 'tell me about' or a 'know' the question asks", () => {
    expect(removeChatNoise("can you tell me who killed khafaji")).toBe("who killed khafaji");
    expect(removeChatNoise("anyone know when nasrallah was killed?")).toBe("when nasrallah was killed?");
    expect(removeChatNoise("does anybody know why the us hit back")).toBe("why the us hit back");
    expect(removeChatNoise("i want to know who leads the quds force")).toBe("who leads the quds force");
    expect(removeChatNoise("i'd like to know who represents hamas in baghdad")).toBe("who represents hamas in baghdad");
    expect(removeChatNoise("could you explain what the coordination framework is")).toBe("what the coordination framework is");
    expect(removeChatNoise("pls tell me how many drones hit eilat")).toBe("how many drones hit eilat");
    expect(removeChatNoise("so can someone tell me what kh is")).toBe("what kh is");
    expect(removeChatNoise("tell me about kataib hezbollah")).toBe("tell me about kataib hezbollah");
    expect(removeChatNoise("what did the iraqi government know about the strike")).toBe("what did the iraqi government know about the strike");
  });

  it("drops what the asker says of themselves after the question, but not a question about what they heard", () => {
    expect(removeChatNoise("wait so when do the us troops in baghdad actually leave, i keep hearing different things")).toBe("so when do the us troops in baghdad leave");
    expect(removeChatNoise("who runs kh? asking for a friend")).toBe("who runs kh?");
    expect(removeChatNoise("where is masyaf, i cant find it on the map")).toBe("where is masyaf");
    expect(removeChatNoise("what did the IRI claim?? im so confused")).toBe("what did the IRI claim?");
    expect(removeChatNoise("i keep hearing about eilat, what happened")).toBe("i keep hearing about eilat, what happened");
    expect(removeChatNoise("what did i keep hearing about eilat")).toBe("what did i keep hearing about eilat");
    expect(removeChatNoise("who killed khafaji? saw it on twitter")).toBe("who killed khafaji?");
    expect(removeChatNoise("who saw it on the news?")).toBe("who saw it on the news?");
  });

  it("drops links, emoji and markdown, and stretched fillers and small words ('lmaooo', 'whyyy'), but no other word", () => {
    expect(removeChatNoise("**who** is sistani 🤔🤔 https://example.com/a?b=1")).toBe("who is sistani");
    expect(removeChatNoise("is ~~kh~~ __really__ behind it 👍🏽")).toBe("is kh really behind it");
    expect(removeChatNoise("whyyy did the pmf do it lmaooo")).toBe("why did the pmf do it");
    expect(removeChatNoise("what is abu_mahdi")).toBe("what is abu_mahdi");
    expect(removeChatNoise("oxygen was used at _____ of the normal pressure")).toBe("oxygen was used at _____ of the normal pressure");
    expect(removeChatNoise("world war iii and Phase III of AAA")).toBe("world war iii and Phase III of AAA");
    expect(removeChatNoise("super bowl xxxiii, jared alllen")).toBe("super bowl xxxiii, jared alllen");
    expect(removeChatNoise("brooo whaaat happened hmmmmm")).toBe("what happened");
  });

  it("leaves a plain question as it is", () => {
    expect(removeChatNoise("Who represents Hamas in Baghdad?")).toBe("Who represents Hamas in Baghdad?");
  });
});
