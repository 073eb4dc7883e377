import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../retrieval/engine.js";
import { IngestError, prepareArticle, type ArticleFields } from "../../retrieval/ingest/index.js";
import { markdownToText } from "../../retrieval/ingest/markdownText.js";
import { findProseRegions } from "../../retrieval/corpus/findProseRegions.js";

const page = (name: string) => ({ name, bytes: readFileSync(join(PROJECT_ROOT, "tests", "ingestPages", name)) });
const text = (name: string, body: string | Uint8Array) => ({ name, bytes: typeof body === "string" ? Buffer.from(body, "utf8") : body });

const PROSE =
  "The council met on Monday to discuss the new bridge over the river. Engineers said the work would take two years and cost more than planned. " +
  "Residents asked for a footpath on both sides, and the mayor agreed to study the idea before the next meeting.";

function rejection(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error("expected an IngestError");
}

describe("prepareArticle: a saved news page", () => {
  const basra = prepareArticle(page("basra-palms.html"), {});

  it("keeps the article's paragraphs, one a line, and drops header, navigation, related links, comments and footer", () => {
    const lines = basra.text.split("\n").filter((l) => l !== "");
    expect(lines[0]).toBe("Basra replants its date palms after decades of war and drought");
    expect(lines[1]).toBe(
      "Farmers along the Shatt al-Arab waterway have begun replanting the date palm groves that once made Basra the largest producer of dates in the world.",
    );
    expect(lines).toContain("Salt in the water");
    expect(lines.at(-1)).toMatch(/^The directorate hopes to plant a million palms .* talk to the press\.$/);
    // Paragraphs never run together ("world.The Basra …").
    expect(basra.text).toContain("in the world.\n\nThe Basra Agriculture Directorate said");
    expect(lines).toHaveLength(10);
    for (const chrome of ["Subscribe", "Most read", "Related stories", "Drought empties the marshes", "© 2024", "cookies", "Share on", "Sign up", "Comments", "Read more", "Photo:", "Advertisement", "Breaking", "Layla Hassan"]) {
      expect(basra.text).not.toContain(chrome);
    }
  });

  it("takes title, publisher and date from the page's metadata, and lets given ones win", () => {
    expect(basra.meta).toEqual({
      title: "Basra replants its date palms after decades of war and drought",
      publisher: "The Gulf Ledger",
      date: "2024-10-03",
      originalFile: "basra-palms.html",
    });
    const given = prepareArticle(page("basra-palms.html"), { title: "Palms return to Basra", publisher: "Ledger", date: "2024-10-04" });
    expect(given.meta).toMatchObject({ title: "Palms return to Basra", publisher: "Ledger", date: "2024-10-04" });
    expect(given.text.startsWith("Palms return to Basra\n\nFarmers along")).toBe(true);
  });

  it("reads a Windows-1252 page as its declared charset: accents and curly quotes intact", () => {
    const erbil = prepareArticle(page("erbil-cafes-windows-1252.html"), {});
    expect(erbil.encoding).toBe("windows-1252");
    expect(erbil.meta).toMatchObject({ title: "Erbil’s café owners count the cost of the power cuts", publisher: "Kurdistan Weekly", date: "2024-08-19" });
    expect(erbil.text).toContain("“The state grid gives us power for six hours, sometimes less,” said José Martínez, a Spaniard");
    expect(erbil.text).not.toMatch(/[\ufffd\u0080-\u009f]/);
    for (const chrome of ["Log in", "Édition", "See also", "Share:", "contact@example.org", "Posted"]) expect(erbil.text).not.toContain(chrome);
    // Every paragraph below the headline is prose the index will use.
    const regions = findProseRegions(erbil.text).regions;
    const paragraphs = erbil.text.split("\n").filter((l) => l !== "").slice(1);
    expect(paragraphs).toHaveLength(5);
    for (const paragraph of paragraphs) {
      const at = erbil.text.indexOf(paragraph);
      expect(regions.some((r) => r.start <= at && at + paragraph.length <= r.end)).toBe(true);
    }
  });
});

describe("prepareArticle: text and Markdown", () => {
  it("stores a .txt as given (line ends, stray spaces and blank runs normalised)", () => {
    const prepared = prepareArticle(text("note.txt", `Bridge vote\r\n\r\n\r\n${PROSE}  \r\n`), { title: "Bridge vote" });
    expect(prepared.text).toBe(`Bridge vote\n\n${PROSE}\n`);
    expect(prepared.meta).toEqual({ title: "Bridge vote", originalFile: "note.txt" });
  });

  it("detects a Latin-1 text file without a declaration", () => {
    const body = `${PROSE} The café on the corner, run by Señor Núñez, will have to close for the works, and its regulars are not pleased about it.`;
    const prepared = prepareArticle(text("latin.txt", iconv.encode(body, "latin1")), { title: "Bridge" });
    expect(prepared.text).toContain("Señor Núñez");
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const prepared = prepareArticle(text("wide.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(PROSE, "utf16le")])), { title: "Bridge" });
    expect(prepared.text).toBe(`${PROSE}\n`);
  });

  it("stores a .md as the text it shows, its heading as the title", () => {
    const md = `---\npublisher: Town Crier\ndate: 2024-05-01\n---\n# Bridge vote\n\n**The council** met on [Monday](https://example.org) to vote.\n\n## Cost\n\n> ${PROSE}\n\n![map](map.png)\n\n- one\n* two\n`;
    const prepared = prepareArticle(text("bridge.md", md), {});
    expect(prepared.meta).toEqual({ title: "Bridge vote", publisher: "Town Crier", date: "2024-05-01", originalFile: "bridge.md" });
    expect(prepared.text).toBe(`Bridge vote\n\nThe council met on Monday to vote.\n\nCost\n\n${PROSE}\n\n- one\n- two\n`);
    expect(markdownToText("Some *emphasis* and `code`.").text).toBe("Some emphasis and code.");
  });
});

describe("prepareArticle: bad input is refused with a message naming the problem", () => {
  const cases: [string, { name: string; bytes: Uint8Array }, ArticleFields, string, RegExp][] = [
    ["an empty file", text("empty.txt", ""), { title: "T" }, "empty", /empty\.txt is empty/],
    ["only spaces", text("blank.txt", " \n\n \t\n"), { title: "T" }, "empty", /has no text/],
    ["a binary file", text("photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])), { title: "T" }, "binary", /binary/],
    ["a page with no article", text("nav.html", "<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav><footer>© 2024</footer></body></html>"), { title: "T" }, "no_prose", /no article prose/],
    ["captions only", text("captions.txt", "Photo: AFP\n\nA man walks\n\nReuters"), { title: "T" }, "no_prose", /no article prose/],
    ["no title", text("untitled.txt", PROSE), {}, "no_title", /no title.*--title/],
    ["a malformed date", text("d.txt", PROSE), { title: "T", date: "2024-13-45" }, "bad_date", /"2024-13-45" is not a date written YYYY-MM-DD/],
    ["a date in words", text("d.txt", PROSE), { title: "T", date: "yesterday" }, "bad_date", /not a date/],
    ["another type", text("report.pdf", "%PDF-1.7"), { title: "T" }, "unsupported_type", /not a \.txt, \.md or \.html/],
  ];
  it.each(cases)("%s", (_label, source, fields, code, message) => {
    const error = rejection(() => prepareArticle(source, fields));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("a file over the size limit", () => {
    const error = rejection(() => prepareArticle(text("big.txt", PROSE.repeat(10)), { title: "T" }, 1000));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/big\.txt is 2,\d{3} bytes; the limit is 1,000/);
  });
});
