import type { LogisticModel } from "./logistic.js";
import type { VerdictFeature } from "./decideVerdict.js";

/**
 * The verdict models, as printed by `npm run --silent fit-verdict -- --squad ../shared/eval/squad-v1.1/beir-format
 * --squad-limit 1000 --seed-weight 4`: fitted on the development set's "fit" half, the seed fixtures and
 * 1,000 questions of SQuAD dev's even-numbered articles asked with and without their article; the
 * development set's "check" half, the held-out set (tests/fixtures/heldOutQuestions.ts) and SQuAD's odd
 * articles are never fitted on. Thresholds were read off the table it prints, on the fitted sets only:
 * onTopic 0.5 sends 86% of the fit half's off-topic questions and every fixture off-topic one to `none`,
 * and 1.4% of the fit half's answerable ones. The states threshold trades answering against not answering
 * what the articles do not state, and no threshold meets every target; 0.45 gives the highest sum of the
 * two on the fit half: it answers 65.3% of the fit half's answerable questions with the right passage and
 * leaves 52% of its on-topic unanswerable ones not answered, keeps the fixtures at 44 answered and 8 of 8
 * unanswerable not answered, and answers 76.4% of SQuAD's questions and 4.3% of those whose article is
 * left out (0.30 would answer 84.9% of SQuAD's, and 9.3% without the article).
 * A related reply still quotes the passages, so erring towards "not confirmed" costs little.
 */
export const VERDICT_MODELS: {
  onTopic: LogisticModel<VerdictFeature>;
  states: LogisticModel<VerdictFeature>;
  thresholds: { onTopic: number; states: number };
} = {
  onTopic: { bias: -1.757, weights: { score: 1.794, coverage: 1.785, lexical: 1.514, dense: 3.895, typeMatch: -0.727, asked: -0.884, askedInSentence: -1.184, keyWord: 0.854, namesFound: -1.025, topicCoverage: 1.764, known: 3.741, supported: -1.16, margin: 0.419, unmatched: -0.433, allNames: 0.501, askedMissing: -0.263 } },
  states: { bias: -2.36, weights: { score: 1.543, coverage: 0.618, lexical: 1.139, dense: 2.837, typeMatch: -0.71, asked: 0.528, askedInSentence: 0.723, keyWord: 0.585, namesFound: -0.71, topicCoverage: -0.012, known: -0.777, supported: -0.71, margin: 1.44, unmatched: -0.723, allNames: 1.475, askedMissing: -0.497 } },
  thresholds: { onTopic: 0.5, states: 0.45 },
};
