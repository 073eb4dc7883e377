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
 * what the articles do not state, and no threshold meets every target; 0.5 gives the highest sum of the
 * two on the fit half: it answers 63.9% of the fit half's answerable questions with the right passage and
 * leaves 56% of its on-topic unanswerable ones not answered, keeps the fixtures at 44 answered and 8 of 8
 * unanswerable not answered, and answers 75.4% of SQuAD's questions and 4.2% of those whose article is
 * left out (0.30 would answer 85.3% of SQuAD's, and 10.4% without the article).
 * A related reply still quotes the passages, so erring towards "not confirmed" costs little.
 */
export const VERDICT_MODELS: {
  onTopic: LogisticModel<VerdictFeature>;
  states: LogisticModel<VerdictFeature>;
  thresholds: { onTopic: number; states: number };
} = {
  onTopic: { bias: -1.558, weights: { score: 1.815, coverage: 1.712, lexical: 1.653, dense: 4.006, typeMatch: -0.668, asked: -0.856, askedInSentence: -0.878, keyWord: 1.128, namesFound: -1.27, topicCoverage: 1.752, known: 3.535, supported: -1.405, margin: 1.128, unmatched: -0.705, allNames: 0.285, askedMissing: 0.008 } },
  states: { bias: -2.715, weights: { score: 1.471, coverage: 0.29, lexical: 1.175, dense: 3.319, typeMatch: -0.814, asked: 0.666, askedInSentence: 1.021, keyWord: 0.814, namesFound: -0.814, topicCoverage: 0.42, known: -0.993, supported: -0.814, margin: 1.868, unmatched: -0.68, allNames: 1.316, askedMissing: -0.253 } },
  thresholds: { onTopic: 0.5, states: 0.5 },
};
