import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../retrieval/corpus/loadCorpus.js";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { splitSentences } from "../../retrieval/text/sentences.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "../../retrieval/chunk.js";
import type { Document } from "../../retrieval/types.js";

const CORPUS = join(PROJECT_ROOT, "corpus", "articles");
let docs: Document[];
const prose = (doc: Document) => doc.regions.map((r) => doc.text.slice(r.start, r.end)).join("\n");
const byId = (prefix: string) => docs.find((d) => d.id.startsWith(prefix))!;

beforeAll(async () => {
  docs = await loadCorpus(CORPUS, PROJECT_ROOT);
});

describe("corpus ingestion", () => {
  it("loads every article with its metadata and the stored text unchanged", async () => {
    expect(docs.map((d) => d.id.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
    for (const doc of docs) {
      expect(doc.text).toBe(await readFile(join(PROJECT_ROOT, doc.file), "utf8"));
      expect(doc.file).toMatch(/^corpus\/articles\/\d{3}_[0-9a-f]+\.txt$/);
      expect(doc.title.length).toBeGreaterThan(10);
    }
    expect(byId("002").publisher).toBe("The Guardian");
    expect(byId("003")).toMatchObject({ publisher: "The Jerusalem Post", date: "2024-09-26" });
  });

  it("leaves captions, credits, blurbs, tweets and page furniture out of the indexed prose", () => {
    const all = docs.map(prose).join("\n");
    for (const junk of ["AHMAD AL-RUBAYE / AFP", "Subscribe Now", "font change", "Related Articles", "pic.twitter.com", "Source » theguardian"]) {
      expect(all).not.toContain(junk);
    }
    // …while the stored text still has them, so offsets stay true to the published file.
    expect(docs.map((d) => d.text).join("\n")).toContain("Subscribe Now");
    expect(prose(byId("003"))).toContain("Kataib Hezbollah, for instance, is closely linked to the IRGC in Iran.");
  });

  it("quotes photo captions and embedded tweets as regions of their own, without links, attributions or credits", () => {
    const asides = (doc: Document) => (doc.asides ?? []).map((a) => doc.text.slice(a.start, a.end));
    // Facts that stand nowhere else in the articles: the caption and the tweet are all a reader has.
    expect(asides(byId("001"))).toContain("Iraqi Prime Minister Mohammed Shia' Al Sudani meets with US Secretary of State Antony Blinken in New York on September 23");
    expect(asides(byId("000")).join("\n")).toContain("the missile launch pad was apparently found in the Al-A'amiriya district of Baghdad");
    for (const doc of docs) {
      for (const aside of doc.asides ?? []) expect(doc.regions).toContainEqual(aside);
      for (const text of asides(doc)) {
        expect(text).not.toMatch(/twitter\.com|^[—–-]\s|\/\s*AFP|^\s|\s$/);
        expect(prose(doc).split(text).length - 1, "each caption quoted once").toBe(1);
      }
    }
  });

  it("keeps regions ordered, non-overlapping and inside the text", () => {
    for (const doc of docs) {
      let last = 0;
      for (const r of doc.regions) {
        expect(r.start).toBeGreaterThanOrEqual(last);
        expect(r.end).toBeGreaterThan(r.start);
        expect(r.end).toBeLessThanOrEqual(doc.text.length);
        last = r.end;
      }
    }
  });

  it("marks 000 as a copy of 001 and indexes none of its passages twice", () => {
    expect(byId("000").duplicateOf).toBe(byId("001").id);
    expect(byId("001").duplicateOf).toBeUndefined();
    const original = prose(byId("001"));
    for (const r of byId("000").regions) expect(original).not.toContain(byId("000").text.slice(r.start, r.end).trim());
  });
});

describe("chunking", () => {
  it("cuts chunks of whole sentences within one region, with offsets into the stored text", () => {
    for (const doc of docs) {
      const sentences = splitSentences(doc.text, doc.regions);
      const chunks = chunkDocument(doc, sentences);
      const covered = new Set<number>();
      for (const chunk of chunks) {
        expect(chunk.start).toBe(sentences[chunk.firstSentence]!.start);
        expect(chunk.end).toBe(sentences[chunk.endSentence - 1]!.end);
        const region = doc.regions.find((r) => r.start <= chunk.start && chunk.end <= r.end);
        expect(region, `${chunk.id} crosses a region boundary`).toBeDefined();
        if (chunk.endSentence - chunk.firstSentence > 1) expect(chunk.end - chunk.start).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxChars);
        for (let s = chunk.firstSentence; s < chunk.endSentence; s++) covered.add(s);
      }
      expect(covered.size).toBe(sentences.length);
    }
  });

  it("overlaps consecutive chunks of one region by a sentence", () => {
    const doc = byId("002");
    const chunks = chunkDocument(doc, splitSentences(doc.text, doc.regions));
    expect(chunks.length).toBeGreaterThan(2);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.firstSentence).toBe(chunks[i - 1]!.endSentence - 1);
  });
});
