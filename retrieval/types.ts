/**
 * Plain data shared by every part of the search core. Offsets are UTF-16 code-unit
 * indices into `Document.text` (what `String.prototype.slice` takes), half-open [start, end).
 */

export interface Span {
  start: number;
  end: number;
}

/** One article (or one benchmark document) as stored: the text quotes are cut from. */
export interface Document {
  /** Stable id: the corpus file name without extension, or a benchmark `_id`. */
  id: string;
  /** Path relative to the project root (corpus) or a synthetic name (benchmarks). */
  file: string;
  title: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) when the text states it. */
  date?: string;
  text: string;
  /**
   * The parts of `text` that are indexed and quoted, in order and non-overlapping: the article
   * prose, and photo captions and embedded tweets each as a region of its own. Credits, subheads,
   * pull quotes, newsletter blurbs and repeated headlines fall between them, so they are never
   * indexed, but the stored text (and every offset) stays exactly as published.
   */
  regions: Span[];
  /**
   * The regions that are photo captions or embedded tweets: quoted as what the page shows, not as
   * the article's own reporting, so one confirms who, where, when or how many, never what or why.
   */
  asides?: Span[];
  /** Set when this document is a near-copy of another: the id of the copy that is kept. */
  duplicateOf?: string;
}

export interface Sentence extends Span {
  docId: string;
  /** Position of the sentence within its document (0-based, over all regions). */
  index: number;
}

/** A retrieval unit: consecutive sentences of one document, never crossing a region. */
export interface Chunk extends Span {
  id: string;
  docId: string;
  /** Index of the first and one past the last sentence (into the document's sentence list). */
  firstSentence: number;
  endSentence: number;
}

/** Embeds text into unit-length vectors. Implementations batch internally. */
export interface Embedder {
  /** Recorded in the index manifest; a different id means the index is rebuilt. */
  readonly id: string;
  readonly dimensions: number;
  embedQueries(texts: string[]): Promise<number[][]>;
  embedPassages(texts: string[], onProgress?: (done: number, total: number) => void): Promise<number[][]>;
}

/** A verbatim quote: `text === <file contents>.slice(start, end)`. */
export interface Excerpt extends Span {
  text: string;
  docId: string;
  /** Corpus file path relative to the project root. */
  file: string;
  title: string;
  publisher?: string;
  date?: string;
  /** Relevance in [0, 1]; higher is better. */
  score: number;
  /** 1-based number of the source this excerpt cites, into `Answer.sources`. */
  citation: number;
}

/** An article cited by an answer, numbered in order of first citation. */
export interface SourceRef {
  citation: number;
  docId: string;
  file: string;
  title: string;
  publisher?: string;
  date?: string;
}

/**
 * How far the articles go towards the question. `answered`: a quoted passage states it.
 * `related`: the articles are about this and the quotes are the closest passages, but none is
 * confirmed to state the answer. `none`: the articles are not about this; nothing is quoted.
 */
export type Verdict = "answered" | "related" | "none";

/** A message that talks to the bot rather than asks about the articles (query/smallTalk.ts). */
export type SmallTalk = "greeting" | "thanks" | "help";

/** A word of the question read as another: a typo or spelling of a corpus word, or an expanded acronym. */
export interface Rewrite {
  /** The word as typed. */
  from: string;
  /** What was searched instead (or as well, for an expansion). */
  to: string;
  kind: "typo" | "spelling" | "alias" | "name";
}

export interface Answer {
  /** The question as asked (trimmed). */
  question: string;
  /** The question as understood and searched: equal to `question` when nothing was read differently. */
  searched: string;
  /** What was read differently, in question order; empty when `searched` is the question. */
  rewrites: Rewrite[];
  verdict: Verdict;
  /** True exactly when `verdict` is "answered". */
  answered: boolean;
  /** The 1–3 best passages, best first: the answer (`answered`) or the closest passages (`related`); empty for `none`. */
  excerpts: Excerpt[];
  /** Further relevant passages after `excerpts`, best first, for paging ("More passages"). */
  morePassages: Excerpt[];
  /** Every article cited by `excerpts` or `morePassages`. */
  sources: SourceRef[];
  /** Why no passage is given as the answer, in one sentence, when `verdict` is not "answered". */
  refusal?: string;
  /** Set, with verdict `none`, when the message greets, thanks or asks how to use the bot instead of asking about the articles. */
  smallTalk?: SmallTalk;
}

/** Metadata of one corpus article, as listed by `/sources`. */
export interface ArticleInfo {
  docId: string;
  file: string;
  title: string;
  publisher?: string;
  date?: string;
  /** Set when this article is a shorter or near copy of another; its passages are answered from that one. */
  duplicateOf?: string;
  characters: number;
}
