import { extname } from "node:path";
import { z } from "zod";
import { findProseRegions } from "../corpus/findProseRegions.js";
import { articleMetaSchema, type ArticleMeta } from "../corpus/articleMeta.js";
import { foldedWords } from "../text/tokenize.js";
import { decodeText } from "./decodeText.js";
import { extractPageArticle, isoDay } from "./htmlArticle.js";
import { IngestError } from "./ingestError.js";
import { markdownToText } from "./markdownText.js";
import { normalizeArticleText } from "./normalizeText.js";

/** Largest file accepted, by default: 1 MB (INGEST_MAX_BYTES or --max-bytes change it). */
export const DEFAULT_MAX_BYTES = 1_048_576;
/** Fewest words of prose an article must keep after extraction. */
export const MIN_PROSE_WORDS = 20;

export const ARTICLE_TYPES = { ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html" } as const;
export type ArticleType = (typeof ARTICLE_TYPES)[keyof typeof ARTICLE_TYPES];

/** What a person gives with a file: everything optional except what the file cannot supply. */
export const articleFieldsSchema = z.object({
  title: z.string().trim().max(300, "The title is longer than 300 characters.").optional(),
  publisher: z.string().trim().max(200, "The publisher is longer than 200 characters.").optional(),
  date: z.string().trim().optional(),
});
export type ArticleFields = z.infer<typeof articleFieldsSchema>;

export interface ArticleSource {
  /** The file's name as given (its extension decides how it is read). */
  name: string;
  bytes: Uint8Array;
}

/** An article ready to store: its text exactly as it will be saved, and its sidecar metadata. */
export interface PreparedArticle {
  text: string;
  meta: ArticleMeta;
  type: ArticleType;
  encoding: string;
}

export function articleType(name: string): ArticleType | undefined {
  return ARTICLE_TYPES[extname(name).toLowerCase() as keyof typeof ARTICLE_TYPES];
}

/** A given date must be a real calendar day written YYYY-MM-DD. */
function checkDate(date: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || isoDay(date) !== date) {
    throw new IngestError("bad_date", `${what} "${date}" is not a date written YYYY-MM-DD (e.g. 2024-09-26).`);
  }
  return date;
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

/**
 * Turns a file's bytes into the article to store, or throws IngestError saying what is wrong:
 * too large, empty, binary, an unsupported type, no prose after extraction, no title, a bad date.
 * Pure: reads and writes nothing.
 */
export function prepareArticle(source: ArticleSource, fields: ArticleFields, maxBytes = DEFAULT_MAX_BYTES): PreparedArticle {
  const what = source.name;
  const type = articleType(source.name);
  if (!type) throw new IngestError("unsupported_type", `${what} is not a .txt, .md or .html file.`);
  if (source.bytes.length > maxBytes) {
    throw new IngestError("too_large", `${what} is ${source.bytes.length.toLocaleString("en-US")} bytes; the limit is ${maxBytes.toLocaleString("en-US")}.`);
  }
  const givenDate = blank(fields.date);
  if (givenDate !== undefined) checkDate(givenDate, "The date");
  const { text: decoded, encoding } = decodeText(source.bytes, what, { html: type === "html" });

  let body: string;
  let found: { title?: string; publisher?: string; date?: string } = {};
  if (type === "html") {
    const page = extractPageArticle(decoded);
    body = page?.paragraphs.join("\n\n") ?? "";
    found = page ?? {};
  } else if (type === "markdown") {
    const markdown = markdownToText(decoded);
    body = markdown.text;
    found = { ...markdown, ...(markdown.date ? { date: isoDay(markdown.date) } : {}) };
  } else {
    body = decoded;
  }
  const title = blank(fields.title) ?? blank(found.title);
  if (!title) throw new IngestError("no_title", `${what} has no title: give one with --title (a saved page's own title is used when it has one).`);
  // A page's or Markdown file's title leads its stored text, set apart as a headline, as in the seed articles.
  const text = normalizeArticleText(type === "text" || normalizeArticleText(body).startsWith(`${title}\n`) ? body : `${title}\n\n${body}`);
  if (text === "") throw new IngestError("empty", `${what} has no text${type === "html" ? " once the page's markup is removed" : ""}.`);

  const scan = findProseRegions(text);
  const proseWords = scan.regions.reduce((sum, r) => sum + foldedWords(text.slice(r.start, r.end)).length, 0);
  if (proseWords < MIN_PROSE_WORDS) {
    throw new IngestError(
      "no_prose",
      `${what} has no article prose left after extraction (${proseWords} words of sentences; at least ${MIN_PROSE_WORDS} are needed).`,
    );
  }
  const publisher = blank(fields.publisher) ?? blank(found.publisher);
  const date = givenDate ?? blank(found.date) ?? scan.statedDate;
  const meta = articleMetaSchema.parse({
    title,
    ...(publisher ? { publisher } : {}),
    ...(date ? { date } : {}),
    originalFile: source.name.split(/[\\/]/).pop(),
  });
  return { text, meta, type, encoding };
}
