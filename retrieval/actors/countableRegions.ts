import { findProseRegions } from "../corpus/findProseRegions.js";
import { inAside } from "../corpus/inAside.js";
import type { Document, Span } from "../types.js";

/**
 * Where mentions of an actor are counted: the article's own prose. A near-copy keeps in `regions`
 * only the paragraphs its original lacks (so nothing is quoted twice), but it still names the
 * actors of the shared paragraphs, so its mentions are counted over all of its own prose.
 *
 * Captions and tweets (quoted, but in `regions` beside the prose), photo credits, pull quotes and
 * blurbs are not counted: they repeat the prose (a caption often appears twice in a copied page),
 * and a count of what the article itself says is what a reader can check against it.
 */
export function countableRegions(doc: Document): readonly Span[] {
  return doc.duplicateOf === undefined ? doc.regions.filter((r) => !inAside(doc, r)) : findProseRegions(doc.text).regions;
}
