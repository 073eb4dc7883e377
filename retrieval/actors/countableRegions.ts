import { findProseRegions } from "../corpus/findProseRegions.js";
import type { Document, Span } from "../types.js";

/**
 * Where mentions of an actor are counted: the article's prose. A near-copy keeps in `regions`
 * only the paragraphs its original lacks (so nothing is quoted twice), but it still names the
 * actors of the shared paragraphs, so its mentions are counted over all of its own prose.
 *
 * Captions, photo credits, pull quotes and blurbs are not counted: they repeat the prose (a
 * caption often appears twice in a copied page), they cannot be quoted as excerpts, and a count
 * a reader cannot find in the excerpts' text would be a count nobody can check.
 */
export function countableRegions(doc: Document): readonly Span[] {
  return doc.duplicateOf === undefined ? doc.regions : findProseRegions(doc.text).regions;
}
