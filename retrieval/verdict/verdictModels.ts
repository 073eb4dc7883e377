import type { LogisticModel } from "./logistic.js";
import type { VerdictFeature } from "./decideVerdict.js";

/**
 * The verdict models, as printed by `npm run --silent fit-verdict -- --squad ../shared/eval/squad-v1.1/beir-format
 * --squad-limit 1000 --seed-weight 4`: fitted on the development set's "fit" half, the seed fixtures and
 * 1,000 questions of SQuAD dev's even-numbered articles asked three ways: as they are, with the answering
 * paragraph left out but its article kept (the closest passages are about the same thing and mostly do not
 * state the answer, like on-topic questions the articles do not answer), and with the whole article left
 * out. The development set's "check" half, the held-out set (tests/fixtures/heldOutQuestions.ts) and SQuAD's
 * odd articles are never fitted on. Thresholds were read off the fitted sets only (the fit half, run through
 * `npm run eval`): onTopic 0.7 sends 94% of the fit half's off-topic questions to `none` (88% at 0.65, 78%
 * at 0.6, where it was 0.5 with the models before the closest-in-meaning feature) and one of its 106
 * answerable ones. The states threshold trades answering against not answering what the articles do not
 * state, and no threshold meets both targets. With the verdict rules as they now stand (decideVerdict), the
 * fit half gives 0.714 answered with the right passage and 0.885 not answered at 0.35 (0.38: 0.698 and 0.885;
 * 0.32: 0.740 and 0.885; 0.3: 0.740 and 0.846). 0.35 is held by SQuAD instead: it is the lowest that keeps
 * the share of its questions answered with their source article left out under 0.06 (0.0577; 0.34: 0.0608,
 * 0.32: 0.0683). A related reply still quotes the passages, so erring towards "not confirmed" costs little.
 * `close`: a question whose closest passage in meaning (topicDense) reaches 0.5 is on topic from 0.5. Read
 * off the development set and the blind batches written before it: of every off-topic question scoring 0.5
 * to 0.7, the closest in meaning reached 0.47 ("anyone got a good recipe for iraqi dolma"); of the answerable
 * ones sent to `none` there, six reached 0.50 to 0.66 (paraphrases such as "who accused members of
 * baghdad's cabinet of spying", 0.53).
 */
export const VERDICT_MODELS: {
  onTopic: LogisticModel<VerdictFeature>;
  states: LogisticModel<VerdictFeature>;
  thresholds: { onTopic: number; states: number; close: { onTopic: number; topicDense: number } };
} = {
  onTopic: { bias: -1.738, weights: { score: 1.536, coverage: 1.742, lexical: 1.389, dense: 3.288, typeMatch: -0.73, counted: -1.021, asked: -0.399, askedInSentence: -0.705, keyWord: 0.384, namesFound: -0.758, topicCoverage: 1.484, topicDense: 3.3, known: 3.063, supported: -0.919, margin: -0.159, unmatched: -0.478, allNames: 0.819, askedMissing: -0.351 } },
  states: { bias: -2.858, weights: { score: 1.41, coverage: 0.585, lexical: 0.853, dense: 2.442, typeMatch: -0.906, counted: 2.216, asked: 0.408, askedInSentence: 0.582, keyWord: 0.496, namesFound: -0.906, topicCoverage: -0.021, topicDense: 0.849, known: -1.078, supported: -0.906, margin: 1.858, unmatched: -1.091, allNames: 0.817, askedMissing: -0.515 } },
  thresholds: { onTopic: 0.7, states: 0.35, close: { onTopic: 0.5, topicDense: 0.5 } },
};
