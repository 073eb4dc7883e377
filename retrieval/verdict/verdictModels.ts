import type { LogisticModel } from "./logistic.js";
import type { VerdictFeature } from "./decideVerdict.js";

/**
 * The verdict models, as printed by `npm run --silent fit-verdict -- --squad ../shared/eval/squad-v1.1/beir-format
 * --squad-limit 1000 --seed-weight 4`: fitted on the development set's "fit" half, the seed fixtures and
 * 1,000 questions of SQuAD dev's even-numbered articles asked with and without their article; the
 * development set's "check" half and SQuAD's odd articles are held out. Thresholds were read off the
 * table it prints, on the fitted sets only: onTopic 0.5 sends 93% of the fit half's off-topic
 * questions and every fixture off-topic one to `none`, and no answerable one; states 0.3 keeps the
 * fixture set as it was (44 answered, 20 of 20 unanswerable not answered) and answers 80% of SQuAD's
 * questions but 5.6% of those whose article is left out; on the fit half it answers 54% of the
 * answerable questions with the right passage and 32% of the on-topic unanswerable ones. A
 * related reply still quotes the passages, so erring towards "not confirmed" costs little.
 */
export const VERDICT_MODELS: {
  onTopic: LogisticModel<VerdictFeature>;
  states: LogisticModel<VerdictFeature>;
  thresholds: { onTopic: number; states: number };
} = {
  onTopic: { bias: -2.251, weights: { score: 1.803, coverage: 2.036, lexical: 1.994, dense: 3.62, typeMatch: -0.924, asked: -1.919, keyWord: 0.586, namesFound: -1.374, topicCoverage: 2.083, known: 3.567, supported: 0.745, margin: 0.416 } },
  states: { bias: -1.143, weights: { score: 1.343, coverage: 0.626, lexical: 0.225, dense: 2.82, typeMatch: -0.321, asked: 2.647, keyWord: -0.321, namesFound: -0.321, topicCoverage: 1.836, known: -3.341, supported: -0.321, margin: 2.059 } },
  thresholds: { onTopic: 0.5, states: 0.3 },
};
