import { wordForm } from "../text/tokenize.js";

/** A place the question says something happened at ("killed in Baghdad", "near Damascus"). */
const PLACED = /\b(?:in|near|inside|outside|around)\s+([\p{L}'’-]+)/giu;

/**
 * Names the question places its event at that the best sentence and the two before it do not
 * mention (`namesNotAround`, as typed, read from the question as typed): "why was Khafaji killed in Baghdad" of a passage on his
 * killing near Damascus takes a place as given that the passage does not state. However common the
 * place is in the articles, the passage has to say it.
 */
export function placesNotAround(typed: string, namesNotAround: readonly string[]): string[] {
  const unmentioned = new Set(namesNotAround);
  const placed = [...typed.matchAll(PLACED)].map((m) => wordForm(m[1]!));
  return [...new Set(placed.filter((place) => unmentioned.has(place)))];
}
