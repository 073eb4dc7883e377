import { tokenize } from "../text/tokenize.js";
import type { Document } from "../types.js";
import type { UnderstoodQuestion } from "./understandQuestion.js";

/** The documents whose publisher the question names, every word of the name typed ("al majalla", "the guardian"). */
export function publishersNamed(understood: Pick<UnderstoodQuestion, "concepts">, docs: readonly Document[]): Set<string> {
  const typed = new Set(understood.concepts.map((c) => c.forms[0]!.term));
  return new Set(
    docs.filter((d) => {
      const name = d.publisher ? tokenize(d.publisher) : [];
      return name.length > 0 && name.every((t) => typed.has(t));
    }).map((d) => d.id),
  );
}
