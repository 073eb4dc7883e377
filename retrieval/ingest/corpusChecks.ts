import { join } from "node:path";
import { findProseRegions } from "../corpus/findProseRegions.js";
import { listArticleIds, projectPath, readArticleTexts, resolveArticleId, type CorpusLocation } from "./corpusFiles.js";
import { IngestError } from "./ingestError.js";
import { comparableText } from "./normalizeText.js";
import type { PreparedArticle } from "./prepareArticle.js";

/** An article's text for the exact-copy check: its headline line aside (a copy may be retitled), spacing and case aside. */
function copyKey(text: string): string {
  const headline = findProseRegions(text).headline;
  const body = headline !== undefined && text.trimStart().startsWith(headline) ? text.trimStart().slice(headline.length) : text;
  return comparableText(body);
}

/** Throws IngestError when the text is an exact copy (headline, spacing and case aside) of a stored article. */
export function checkNotACopy(text: string, stored: ReadonlyMap<string, string>, location: CorpusLocation): void {
  const wanted = copyKey(text);
  for (const [id, existing] of stored) {
    if (copyKey(existing) === wanted) {
      throw new IngestError("exact_copy", `This article is already in the corpus as ${projectPath(location, join(location.corpusDir, `${id}.txt`))}.`);
    }
  }
}

/** Checks a prepared article against the corpus as it is now, without the lock: a fast refusal before any model loads. */
export async function checkAgainstCorpus(prepared: PreparedArticle, location: CorpusLocation): Promise<void> {
  checkNotACopy(prepared.text, await readArticleTexts(location.corpusDir), location);
}

/** The id of the article an id, file name or path names; IngestError when there is none, or it is the last one. */
export async function findArticle(fileOrId: string, location: CorpusLocation): Promise<string> {
  const ids = await listArticleIds(location.corpusDir);
  const docId = resolveArticleId(ids, location, fileOrId);
  if (!docId) throw new IngestError("not_found", `No article "${fileOrId}" in the corpus (give its id, e.g. ${ids[0] ?? "000_…"}, or its file).`);
  if (ids.length === 1) throw new IngestError("last_article", `${docId} is the corpus's only article; the corpus cannot be empty.`);
  return docId;
}

