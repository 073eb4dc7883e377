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
 * two on the fit half: it answers 62.5% of the fit half's answerable questions with the right passage and
 * leaves 60% of its on-topic unanswerable ones not answered, keeps the fixtures at 44 answered and 8 of 8
 * unanswerable not answered, and answers 75.8% of SQuAD's questions and 4.2% of those whose article is
 * left out (0.30 would answer 85% of SQuAD's, and 9.7% without the article).
 * A related reply still quotes the passages, so erring towards "not confirmed" costs little.
 */
export const VERDICT_MODELS: {
  onTopic: LogisticModel<VerdictFeature>;
  states: LogisticModel<VerdictFeature>;
  thresholds: { onTopic: number; states: number };
} = {
  onTopic: { bias: -1.73, weights: { score: 1.775, coverage: 1.619, lexical: 1.542, dense: 4.056, typeMatch: -0.725, asked: -1.166, keyWord: 1.108, namesFound: -1.305, topicCoverage: 1.669, known: 3.521, supported: -1.446, margin: 1.047, unmatched: -0.718, allNames: 0.567, askedMissing: 0.07 } },
  states: { bias: -2.678, weights: { score: 1.563, coverage: 0.261, lexical: 1.479, dense: 3.286, typeMatch: -0.809, asked: 1.477, keyWord: 0.788, namesFound: -0.809, topicCoverage: 0.417, known: -1.073, supported: -0.809, margin: 1.894, unmatched: -0.713, allNames: 1.19, askedMissing: -0.176 } },
  thresholds: { onTopic: 0.5, states: 0.5 },
};
