import type { Document, Span } from "../types.js";

/** True when the span lies in one of the document's photo captions or embedded tweets (see Document.asides). */
export function inAside(doc: Document, span: Span): boolean {
  return doc.asides?.some((a) => a.start <= span.start && span.end <= a.end) ?? false;
}
