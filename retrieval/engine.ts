import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Answer, ArticleInfo, Document, Embedder, Excerpt, Span } from "./types.js";
import type { ActorRegistry } from "./actors/types.js";
import type { Logger } from "./log.js";
import { loadCorpus } from "./corpus/loadCorpus.js";
import { createEmbedder, embedderConfigFromEnv } from "./embed/createEmbedder.js";
import { bm25Idf } from "./bm25.js";
import { inAside } from "./corpus/inAside.js";
import { openSearchCore, searchChunks, sentenceSimilaritiesAt, type ChunkHit, type ProgressEvent, type SearchCore } from "./searchCore.js";
import { conceptWeight, passageAround, pickDiversePassages, scoreSentence, type PassageQuery, type SentenceScore } from "./selectPassages.js";
import { decideVerdict, verdictFeatures, type VerdictDecision, type VerdictFeatures } from "./verdict/decideVerdict.js";
import { substitutedNames } from "./verdict/substitutedNames.js";
import { deniedPremise } from "./verdict/deniedPremise.js";
import { favouredSentencesFor, favouredVerdict, favourSentences } from "./query/actorQuestions.js";
import { countedTerms } from "./verdict/countedThing.js";
import { readAskedQuestion } from "./answerType.js";
import { citePassages } from "./cite.js";
import { parseQuestion } from "./question.js";
import { tokenize } from "./text/tokenize.js";
import { sha256 } from "./store/manifest.js";
import { CORPUS_INDEX_NAME, openVectorStore } from "./store/openVectorStore.js";
import { vectorStoreConfigFromEnv, type VectorStoreConfig } from "./store/vectorStoreConfig.js";
import { loadActorRegistry } from "./actors/loadActorRegistry.js";
import { buildActorRegistry } from "./actors/buildActorRegistry.js";
import type { CuratedActors } from "./actors/curatedActors.js";

const NO_CURATED_ACTORS: CuratedActors = { actors: [], notActors: [], descriptors: [] };
import type { FusionWeights } from "./fuse.js";
import { understandQuestion, type QueryLexicon } from "./query/understandQuestion.js";
import { createSubjectFinder, type FoundSubject, type SubjectFinder } from "./names/subjects.js";
import { buildPersonRoles } from "./actors/personRoles.js";
import { buildGroupStates } from "./actors/groupStates.js";
import { openWordNet } from "./query/wordnet.js";
import { smallTalkOf } from "./query/smallTalk.js";
import { publishersNamed } from "./query/namedPublishers.js";
import { numbersNotAround } from "./verdict/unstatedNumbers.js";
import { unnamedReferent } from "./verdict/unnamedReferent.js";
import { verbNotAround } from "./verdict/unstatedVerbs.js";
import { agentNotStated } from "./verdict/unstatedAgent.js";
import { placesNotAround } from "./verdict/unstatedPlaces.js";
import { withIndexLock } from "./ingest/indexLock.js";
import { corpusSignature } from "./ingest/corpusFiles.js";
import { addArticle, removeArticle, type AddedArticle, type RemovedArticle } from "./ingest/ingestArticle.js";
import type { PreparedArticle } from "./ingest/prepareArticle.js";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface EngineOptions {
  projectRoot?: string;
  corpusDir?: string;
  /** Where the index lives (`<dataDir>/index`); default DATA_DIR or `<root>/data`. */
  dataDir?: string;
  embedder?: Embedder;
  /** Which store keeps the vectors; default from VECTOR_STORE and DATABASE_URL (vectra when unset). */
  vectorStore?: VectorStoreConfig;
  logger?: Logger;
  onProgress?: (event: ProgressEvent) => void;
}

export interface AskOptions {
  maxExcerpts?: number;
  maxMore?: number;
}

export interface Engine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The answer with what decided its verdict: for evaluation and fitting the verdict models. */
  explain(question: string, options?: AskOptions): Promise<ExplainedAnswer>;
  /** The actor registry questions are read with: the one /actor looks names up in. */
  readonly actors: ActorRegistry;
  articles(): ArticleInfo[];
  documents(): readonly Document[];
  sentences(docId: string): readonly Span[];
  /** True when opening built the index rather than loading it. */
  readonly builtIndex: boolean;
  readonly embedderId: string;
  /** What the index holds: retrieval chunks and answer sentences. */
  readonly indexStats: { chunks: number; sentences: number };
  /**
   * Picks up articles added or removed since (by `ingest`, /ingest or another shard): when the
   * corpus folder or the index's CURRENT changed, loads them (building, under the index lock, only
   * what no other process has). Questions in flight finish on the index they started with.
   */
  refresh(): Promise<{ changed: boolean; articles: number }>;
  /** Adds an article (see retrieval/ingest/) with this engine's model, then answers from it. */
  addArticle(prepared: PreparedArticle): Promise<AddedArticle>;
  /** Removes an article by id, file name or path, then stops answering from it. */
  removeArticle(fileOrId: string): Promise<RemovedArticle>;
  /** For health checks: the index generation answers come from, and whether its store can be read now. */
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}

export interface EngineHealth {
  /** Identifies the index loaded: the vectra manifest's fingerprint of what it was built from. */
  generation: string;
  store: "vectra" | "postgres";
  storeReachable: boolean;
}

/** How many of the best chunks lend sentences to the answer. */
const CONTEXT_CHUNKS = 12;
/** Longest passage quoted; a longer sentence is quoted whole but never widened. */
const MAX_PASSAGE_CHARS = 600;
/**
 * An excerpt beside the best must score at least this share of it to be part of the answer. Since
 * answer type and coverage joined the score, scores sit closer together: 0.85 (was 0.8) keeps seed
 * answers at 1.34 excerpts on average (1.27 before; 0.8 would give 1.48).
 */
const EXCERPT_RELATIVE_SCORE = 0.85;

/**
 * How well the chunk around each sentence of the best chunks ranked, relative to the best chunk.
 * A caption or tweet ranked among them is read too, but does not take a prose chunk's place.
 */
function candidateContexts(core: SearchCore, hits: readonly ChunkHit[]): Map<number, number> {
  const best = hits[0]?.fused ?? 1;
  const context = new Map<number, number>();
  let prose = 0;
  for (const hit of hits) {
    if (prose === CONTEXT_CHUNKS) break;
    const chunk = core.chunks[hit.chunk]!;
    if (!inAside(core.docById.get(chunk.docId)!, chunk)) prose++;
    const offset = core.sentenceOffset.get(chunk.docId)!;
    for (let s = chunk.firstSentence; s < chunk.endSentence; s++) {
      const at = offset + s;
      context.set(at, Math.max(context.get(at) ?? 0, hit.fused / best));
    }
  }
  return context;
}

/** The text of a sentence (by position in `core.sentences`). */
function sentenceText(core: SearchCore, at: number): string {
  const record = core.sentences[at]!;
  return core.docById.get(record.docId)!.text.slice(record.start, record.end);
}

/**
 * Scores sentences (by position in `core.sentences`, with their context) against the question,
 * their similarities to it computed by the store in one request.
 */
async function scoreSentences(core: SearchCore, query: PassageQuery, contexts: ReadonlyMap<number, number>): Promise<SentenceScore[]> {
  const similarities = await sentenceSimilaritiesAt(core, query.vector, [...contexts.keys()]);
  return [...contexts.entries()].map(([sentence, context]) => ({
    sentence,
    ...scoreSentence(query, core.sentences[sentence]!, { context, similarity: similarities.get(sentence) ?? 0 }, sentenceText(core, sentence)),
  }));
}

const bestOf = (scored: readonly SentenceScore[]) => scored.reduce<SentenceScore | undefined>((a, b) => (a && a.score >= b.score ? a : b), undefined);

/**
 * The sentence of one document that best answers the question, as if retrieval had ranked that
 * document first: sentence selection measured apart from retrieval.
 */
export async function bestSentenceInDocument(core: SearchCore, query: PassageQuery, docId: string): Promise<SentenceScore | undefined> {
  const offset = core.sentenceOffset.get(docId);
  const count = core.sentencesByDoc.get(docId)?.length ?? 0;
  if (offset === undefined) return undefined;
  return bestOf(await scoreSentences(core, query, new Map(Array.from({ length: count }, (_, i) => [offset + i, 1]))));
}

/** The question's candidate sentences, scored; what both answering and calibration look at. */
export interface RetrievalOptions {
  /** How many chunks each of dense and BM25 retrieval return before fusion. */
  depth?: number;
  /** Weight of each signal; { dense: 1, lexical: 0, documentLexical: 0 } ranks by dense similarity alone. */
  weights?: FusionWeights;
  /** Documents left out, as if not in the corpus: how the evaluation asks questions whose answer was removed. */
  excludeDocs?: ReadonlySet<string>;
}

/** The question-reading lexicon of a search core alone: its vocabulary and terms, no actors or thesaurus. */
export function coreLexicon(core: SearchCore, extra: Omit<QueryLexicon, "vocabulary" | "hasTerm"> = {}): QueryLexicon {
  return { vocabulary: core.vocabulary, hasTerm: (t) => core.bm25.postings.has(t), ...extra };
}

export async function scoreQuestion(core: SearchCore, embedder: Embedder, question: string, retrieval: RetrievalOptions = {}, lexicon: QueryLexicon = coreLexicon(core)) {
  const understood = understandQuestion(question, lexicon);
  const [vector] = await embedder.embedQueries([understood.searched]);
  const found = await searchChunks(core, { vector: vector!, terms: understood.terms }, retrieval.depth, retrieval.weights);
  const excluded = retrieval.excludeDocs;
  const kept = excluded ? found.filter((h) => !excluded.has(core.chunks[h.chunk]!.docId)) : found;
  // "according to the Guardian", "what does al majalla say": the answer is in that publisher's articles.
  const named = publishersNamed(understood, core.docs);
  const fromNamed = kept.filter((h) => named.docIds.has(core.chunks[h.chunk]!.docId));
  const hits = fromNamed.length > 0 ? fromNamed : kept;
  // "who is X", "who leads X": the sentences the actor registry knows say it come first (query/actorQuestions.ts).
  const favoured = favouredSentencesFor(understood.searched, lexicon.actors);
  const query: PassageQuery = {
    vector: vector!,
    concepts: understood.concepts,
    // "who is X" asks what X is, not for another name.
    answerType: favoured.defines ? "any" : understood.answerType,
    question: readAskedQuestion(understood.searched),
    counted: countedTerms(understood.searched, understood.concepts),
    idf: (t) => bm25Idf(core.bm25, t),
    known: lexicon.hasTerm,
    absentWeight: Math.log(1 + (core.chunks.length + 0.5) / 0.5),
  };
  const scoredByWords = await scoreSentences(core, query, candidateContexts(core, hits));
  // A caption or tweet comes after the article's own reporting of as much (see Document.asides).
  const reported = scoredByWords.map((s) => (sentenceInAside(core, s.sentence) ? { ...s, score: s.score * ASIDE_SCORE } : s));
  const scored = favoured.sentences.length > 0 ? favourSentences(reported, favoured.sentences, (at) => core.sentences[at]!) : reported;
  const best = bestOf(scored);
  const subjects = lexicon.subjects?.find(understood.searched) ?? [];
  const substitutions = best && lexicon.subjects ? substitutionsAt(core, lexicon.subjects, { text: understood.searched, answerType: understood.answerType, subjects }, best.sentence) : [];
  const asked = new Set(understood.concepts.filter((c) => !c.name).map((c) => c.forms[0]!.term));
  // The best sentence's text and its window (it and the two before it), read once for the checks below.
  const bestPassage = best ? { sentence: sentenceText(core, best.sentence), window: core.sentences[best.sentence]!.windowTerms } : undefined;
  const denial = bestPassage ? deniedPremise(understood.searched, asked, bestPassage.sentence) : undefined;
  // What the question takes as given that the best sentence and the two before it do not state.
  const unstatedNumbers = numbersNotAround(understood, bestPassage?.window);
  const unstatedVerb = verbNotAround(understood, bestPassage, lexicon.thesaurus?.isVerb);
  const parties = subjects.filter((s) => s.actorId !== undefined);
  const unstatedAgent = best && bestPassage ? agentNotStated(understood, { text: bestPassage.sentence, terms: core.sentences[best.sentence]!.terms }, parties) : undefined;
  const unstatedPlaces = best ? placesNotAround(understood.typed, best.namesNotAround) : [];
  const pointsAt = unnamedReferent(understood);
  // A caption says who, where, when and how many of what it shows, never what was said or why.
  const fromAside = best ? sentenceInAside(core, best.sentence) && query.answerType === "any" : false;
  const actorAnswer = best ? favouredVerdict(favoured, core.sentences[best.sentence]!, new Set(subjects.flatMap((s) => (s.actorId && s.kind === "person" ? [s.actorId] : [])))) : undefined;
  // A publisher the articles come from is, like an actor, something they are about ("what did the jerusalem post say").
  return { question, understood, query, hits, scored, best, substitutions, denial, unstatedNumbers, unstatedPlaces, unstatedVerb, unstatedAgent, pointsAt, fromAside, actorAnswer, leaderOf: favoured.leaderOf, personAsked: favoured.personAsked, namedActors: [...namedActorsOf(subjects), ...named.names], core };
}

export type QuestionScores = Awaited<ReturnType<typeof scoreQuestion>>;

/**
 * The people, armed groups and organisations of the actor registry the question names. States are
 * left out (any question may name one: "the capital of south korea"), and so are names the registry
 * found but nobody has said what they are.
 */
const NAMED_ACTOR_KINDS: readonly string[] = ["person", "armed group", "organisation"];
function namedActorsOf(subjects: readonly FoundSubject[]): string[] {
  return subjects.filter((s) => s.actorId !== undefined && NAMED_ACTOR_KINDS.includes(s.kind)).map((s) => s.name);
}

/** Names of the question the sentence replaces with others of their kind (see substitutedNames.ts). */
function substitutionsAt(core: SearchCore, finder: SubjectFinder, question: Parameters<typeof substitutedNames>[1], at: number) {
  const record = core.sentences[at]!;
  const doc = core.docById.get(record.docId)!;
  // A sentence opening "He …" states it of whom the sentence before names: the passage quoted for it counts.
  const passage = passageAround(core.sentences, at, doc.text, Infinity);
  // The publisher is who says every sentence of its article ("what does al majalla think…").
  const terms = doc.publisher ? new Set([...record.terms, ...tokenize(doc.publisher)]) : record.terms;
  return substitutedNames(finder, question, { text: doc.text.slice(passage.start, passage.end), terms, sentenceStart: record.start - passage.start });
}

/** What a caption's or tweet's sentence scores of the same sentence in the article's prose. */
const ASIDE_SCORE = 0.9;

/** True when the sentence (by position in `core.sentences`) is a caption's or tweet's. */
function sentenceInAside(core: SearchCore, at: number): boolean {
  const sentence = core.sentences[at]!;
  return inAside(core.docById.get(sentence.docId)!, sentence);
}

/**
 * Share of the question's weight on words the corpus uses in some form, a word it never uses
 * weighing what the rarest word would: "photography" in "best drone for photography" is most of it.
 */
export function knownShare(scores: QuestionScores): number {
  let known = 0;
  let total = 0;
  for (const concept of scores.understood.concepts) {
    const weight = concept.missing === undefined ? conceptWeight(concept, scores.query) : 0;
    known += weight;
    total += weight > 0 ? weight : scores.query.absentWeight;
  }
  return total > 0 ? known / total : 0;
}

export async function answerQuestion(core: SearchCore, embedder: Embedder, input: string, options: AskOptions = {}, lexicon?: QueryLexicon): Promise<ExplainedAnswer> {
  return explainAnswer(core, await scoreQuestion(core, embedder, parseQuestion(input), {}, lexicon), options);
}

/** An answer with what decided it: the verdict's features and models' outputs, and every ranked passage. */
export interface ExplainedAnswer {
  answer: Answer;
  features: VerdictFeatures;
  decision: VerdictDecision;
  /** The passages in rank order, whatever the verdict (a `none` answer quotes none of them). */
  ranked: Excerpt[];
}

/** Decides the verdict from the scored sentences and cuts the cited excerpts. */
export function explainAnswer(core: SearchCore, scores: QuestionScores, options: AskOptions = {}): ExplainedAnswer {
  const { question, understood, scored, best } = scores;
  const maxExcerpts = options.maxExcerpts ?? 3;
  const maxMore = options.maxMore ?? 9;
  const features = verdictFeatures(best, scored, knownShare(scores), (sentence) => core.sentences[sentence]!.docId);
  const smallTalk = smallTalkOf(question);
  const decision = decideVerdict(features, best, understood.concepts.length, {
    substitutions: scores.substitutions,
    absentNames: understood.absentNames,
    namesKnown: understood.concepts.some((c) => c.name && !c.missing),
    unstatedNumbers: scores.unstatedNumbers,
    unstatedPlaces: scores.unstatedPlaces,
    pointsAt: scores.pointsAt,
    fromAside: scores.fromAside,
    namedActors: scores.namedActors,
    denial: scores.denial,
    unstatedVerb: scores.unstatedVerb,
    unstatedAgent: scores.unstatedAgent,
    actorAnswer: scores.actorAnswer,
    leaderOf: scores.leaderOf,
    personAsked: scores.personAsked,
    smallTalk,
  });
  const textOf = (docId: string) => core.docById.get(docId)!.text;
  const passages = pickDiversePassages(scored, core.sentences, textOf, maxExcerpts + maxMore, MAX_PASSAGE_CHARS);
  const cited = citePassages(passages, core.docById);
  const base = {
    question,
    searched: understood.searched,
    rewrites: understood.rewrites,
    verdict: decision.verdict,
    answered: decision.verdict === "answered",
    ...(decision.refusal ? { refusal: decision.refusal } : {}),
    ...(smallTalk ? { smallTalk } : {}),
  };
  if (decision.verdict === "none" || passages.length === 0) {
    return { answer: { ...base, excerpts: [], morePassages: [], sources: [] }, features, decision, ranked: cited.excerpts };
  }
  const top = passages[0]!.score;
  // An answer quotes what scores near its best passage; related passages are all shown, none being confirmed.
  const answerCount =
    decision.verdict === "related" ? maxExcerpts : Math.max(1, passages.slice(0, maxExcerpts).filter((p) => p.score >= EXCERPT_RELATIVE_SCORE * top).length);
  const answer = { ...base, excerpts: cited.excerpts.slice(0, answerCount), morePassages: cited.excerpts.slice(answerCount), sources: cited.sources };
  return { answer, features, decision, ranked: cited.excerpts };
}

export function composeAnswer(core: SearchCore, scores: QuestionScores, options: AskOptions = {}): Answer {
  return explainAnswer(core, scores, options).answer;
}

/** Opens the answer engine over the corpus: loads or builds the index, warms the model. */
export async function openEngine(options: EngineOptions = {}): Promise<Engine> {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const corpusDir = options.corpusDir ?? resolve(root, process.env.CORPUS_DIR?.trim() || join("corpus", "articles"));
  // A relative DATA_DIR is relative to the project, wherever the command runs from; empty means unset.
  const dataDir = options.dataDir ?? resolve(root, process.env.DATA_DIR?.trim() || "data");
  const logger = options.logger;
  const embedder =
    options.embedder ??
    (await createEmbedder(embedderConfigFromEnv(process.env), {
      onProgress: (done, total) => options.onProgress?.({ phase: "load-model", done, total }),
      ...(logger ? { logger } : {}),
    }));
  const thesaurus = openWordNet();
  const indexDir = join(dataDir, "index");
  const store = await openVectorStore(options.vectorStore ?? vectorStoreConfigFromEnv(process.env), { indexDir, indexName: CORPUS_INDEX_NAME }, logger);
  /** The corpus, its index and actors as they are on disk now: what questions are answered from. */
  const openState = async () => {
    const signature = await corpusSignature(corpusDir, await store.currentGeneration());
    const docs = await loadCorpus(corpusDir, root);
    const core = await openSearchCore(docs, {
      indexDir,
      store,
      embedder,
      files: Object.fromEntries(docs.map((d) => [d.file, sha256(d.text)])),
      ...(logger ? { logger } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      buildLock: (work) => withIndexLock(dataDir, work, logger),
    });
    // A corpus without a curated actor list still has the names its text gives.
    const curatedFile = join(root, "corpus", "actors.json");
    const actors = existsSync(curatedFile)
      ? await loadActorRegistry({ projectRoot: root, documents: docs, curatedFile })
      : buildActorRegistry(docs, NO_CURATED_ACTORS);
    const lexicon = coreLexicon(core, { actors, thesaurus, subjects: createSubjectFinder(actors), personRoles: buildPersonRoles(actors), groupStates: buildGroupStates(actors) });
    // An index this open built itself changed the current generation: that is no change to pick up later.
    return { signature: core.built ? await corpusSignature(corpusDir, await store.currentGeneration()) : signature, docs, core, actors, lexicon };
  };
  let state = await openState();
  let refreshing: Promise<boolean> | undefined;
  // One refresh at a time; each compares the corpus and CURRENT with what was loaded and reloads on a change.
  const refresh = async (): Promise<boolean> => {
    while (refreshing) await refreshing.catch(() => undefined);
    refreshing = (async () => {
      if ((await corpusSignature(corpusDir, await store.currentGeneration())) === state.signature) return false;
      state = await openState();
      logger?.info({ event: "engine-refreshed", articles: state.docs.length, builtIndex: state.core.built }, "picked up a changed corpus");
      return true;
    })();
    try {
      return await refreshing;
    } finally {
      refreshing = undefined;
    }
  };
  const ingestContext = { projectRoot: root, corpusDir, dataDir, embedder, store, ...(logger ? { logger } : {}) };
  // The first embedding call pays for kernel set-up; pay it now, not on the first question.
  await embedder.embedQueries(["warm up"]);
  return {
    // A question in flight keeps the state it started with when a refresh swaps in another.
    ask: async (question, askOptions) => {
      const { core, lexicon } = state;
      return (await answerQuestion(core, embedder, question, askOptions, lexicon)).answer;
    },
    explain: (question, askOptions) => {
      const { core, lexicon } = state;
      return answerQuestion(core, embedder, question, askOptions, lexicon);
    },
    get actors() {
      return state.actors;
    },
    articles: () =>
      state.docs.map((d) => ({
        docId: d.id,
        file: d.file,
        title: d.title,
        ...(d.publisher ? { publisher: d.publisher } : {}),
        ...(d.date ? { date: d.date } : {}),
        ...(d.duplicateOf ? { duplicateOf: d.duplicateOf } : {}),
        characters: d.text.length,
      })),
    documents: () => state.docs,
    sentences: (docId) => state.core.sentencesByDoc.get(docId) ?? [],
    get builtIndex() {
      return state.core.built;
    },
    embedderId: embedder.id,
    get indexStats() {
      return { chunks: state.core.chunks.length, sentences: state.core.sentences.length };
    },
    refresh: async () => ({ changed: await refresh(), articles: state.docs.length }),
    addArticle: async (prepared) => {
      const added = await addArticle(prepared, ingestContext);
      await refresh();
      return added;
    },
    removeArticle: async (fileOrId) => {
      const removed = await removeArticle(fileOrId, ingestContext);
      await refresh();
      return removed;
    },
    health: async () => ({ generation: state.core.manifest.fingerprint, store: store.kind, storeReachable: await store.reachable() }),
    close: () => store.close(),
  };
}
