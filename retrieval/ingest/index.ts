/**
 * Adding and removing articles (the `ingest` CLI and the bot's /ingest and /remove-article):
 *
 *   const prepared = prepareArticle({ name, bytes }, { title, publisher, date }, maxBytes); // pure; IngestError on bad input
 *   await addArticle(prepared, { projectRoot, corpusDir, dataDir, embedder });             // lock, write, index
 *   await removeArticle("005_…", context);
 */
export { IngestError, type IngestErrorCode } from "./ingestError.js";
export { prepareArticle, articleType, articleFieldsSchema, DEFAULT_MAX_BYTES, ARTICLE_TYPES, type ArticleFields, type ArticleSource, type PreparedArticle } from "./prepareArticle.js";
export { addArticle, removeArticle, rebuildCorpusIndex, type AddedArticle, type RemovedArticle, type IngestContext } from "./ingestArticle.js";
export { checkAgainstCorpus, checkNotACopy, findArticle } from "./corpusChecks.js";
export { corpusLocationFromEnv, type CorpusLocation } from "./corpusFiles.js";
export { withIndexLock } from "./indexLock.js";
