/** Citation checks for people's own test suites (and `npm run verify`). */
export { verifyAnswer, answerCheckSchema, type CheckedAnswer, type CheckedExcerpt, type ExcerptProblem, type Verification, type VerifyOptions } from "./verifyAnswer.js";
