/**
 * What kind of phrase a question asks for, read from its wh-word, and whether a passage holds
 * one. A "how many" question answered by a sentence without a number is a near miss, not an answer.
 */
export type AnswerType = "number" | "time" | "person-or-group" | "place" | "any";

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|several|half";

const PATTERNS: Record<Exclude<AnswerType, "any">, RegExp> = {
  number: new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, "i"),
  time: new RegExp(
    `\\b(${MONTHS})\\b|\\b(1[89]|20)\\d\\d\\b|\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(yesterday|today|tonight|last (week|month|year)|next (week|month|year)|ago|since|until|after|before|earlier|later|\\d{1,2}(:\\d\\d)?\\s?[ap]\\.m\\.)\\b`,
    "i",
  ),
  // A capitalised word that does not start the sentence: a name of someone or something.
  "person-or-group": /(?<!^)(?<![.!?]\s)\b[A-Z][\p{L}'’-]+/u,
  place: /(?<!^)(?<![.!?]\s)\b(in|at|near|from|to|across|into)\s+(the\s+)?[A-Z][\p{L}'’-]+/u,
};

export function questionAnswerType(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (/^(how (many|much)|what (number|percentage|share))\b/.test(q)) return "number";
  if (/^(when|what (year|date|day|time|month))\b|\bhow long ago\b/.test(q)) return "time";
  if (/^(who|whom|whose)\b|^(which|what) (group|militia|militias|country|countries|organi[sz]ation|person|leader|commander|faction)\b/.test(q)) return "person-or-group";
  if (/^where\b/.test(q)) return "place";
  return "any";
}

export function passageHasAnswerType(passage: string, type: AnswerType): boolean {
  return type === "any" || PATTERNS[type].test(passage);
}
