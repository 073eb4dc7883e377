import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** What a saved web page gives: the article's text, one paragraph a block, and what its metadata says. */
export interface PageArticle {
  /** Paragraphs (and subheads, list items, quotes) in order, each one line of collapsed text. */
  paragraphs: string[];
  title?: string;
  publisher?: string;
  /** YYYY-MM-DD, when the page states a publication date. */
  date?: string;
}

const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "TH", "DD", "DT", "DIV", "SECTION", "ARTICLE", "FIGURE", "UL", "OL", "TABLE", "TR"]);
/** Inside the article, still not its text. */
const DROPPED = new Set(["FIGCAPTION", "SCRIPT", "STYLE", "NOSCRIPT", "BUTTON", "svg", "SVG"]);

type Node = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<Node> };

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Leaf blocks' text in document order: a paragraph never runs into the next one. */
function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let inline = "";
  const flush = () => {
    const text = collapse(inline);
    if (text) out.push(text);
    inline = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      inline += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1 || DROPPED.has(node.nodeName.toUpperCase())) return;
    if (node.nodeName.toUpperCase() === "BR") {
      flush();
      return;
    }
    const block = BLOCKS.has(node.nodeName.toUpperCase());
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** An ISO-like date or date-time reduced to YYYY-MM-DD, when it is a real date. */
export function isoDay(value: string | null | undefined): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? "");
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : undefined;
}

function metaContent(document: any, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = collapse(document.querySelector(selector)?.getAttribute("content") ?? "");
    if (value) return value;
  }
  return undefined;
}

/** JSON-LD NewsArticle fields, when the page carries them. */
function jsonLd(document: any): { publisher?: string; date?: string; headline?: string } {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]')) as Node[]) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? "");
      const items = (Array.isArray(data) ? data : [data]).flatMap((item: any) => (Array.isArray(item?.["@graph"]) ? item["@graph"] : [item]));
      const article = items.find((item: any) => typeof item?.["@type"] === "string" && /Article|Posting/.test(item["@type"]));
      if (article) {
        return {
          ...(typeof article.publisher?.name === "string" ? { publisher: collapse(article.publisher.name) } : {}),
          ...(isoDay(article.datePublished) ? { date: isoDay(article.datePublished)! } : {}),
          ...(typeof article.headline === "string" ? { headline: collapse(article.headline) } : {}),
        };
      }
    } catch {
      // A malformed block says nothing.
    }
  }
  return {};
}

/**
 * Reduces a saved news page to its article with Mozilla's Readability (over linkedom): no header,
 * navigation, related links, comments or footer. Title, publisher and date come from the page's
 * metadata (Open Graph, article:published_time, JSON-LD, <time>). Undefined when no article is found.
 */
export function extractPageArticle(html: string): PageArticle | undefined {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document as it works.
  const ld = jsonLd(document);
  const publisher = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="publisher"]', 'meta[name="application-name"]']) ?? ld.publisher;
  const date =
    isoDay(metaContent(document, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]'])) ??
    ld.date ??
    isoDay(document.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime"));
  const headline = metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? ld.headline ?? collapse(document.querySelector("h1")?.textContent ?? "");
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { keepClasses: false }).parse();
  if (!article?.content) return undefined;
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  let paragraphs = blockTexts(content.body as unknown as Node);
  const title = collapse(headline || article.title || "") || undefined;
  // The headline, when Readability kept it, is given once, as the title line.
  if (title && paragraphs[0] === title) paragraphs = paragraphs.slice(1);
  return {
    paragraphs,
    ...(title ? { title } : {}),
    ...(publisher ? { publisher } : (article.siteName ? { publisher: collapse(article.siteName) } : {})),
    ...(date ? { date } : isoDay(article.publishedTime) ? { date: isoDay(article.publishedTime)! } : {}),
  };
}
