/** A Markdown file read as the text it shows: no markup, one paragraph a block. */
export interface MarkdownArticle {
  text: string;
  /** The front matter's `title`, else the first level-1 heading. */
  title?: string;
  publisher?: string;
  date?: string;
}

function frontMatter(source: string): { fields: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(source);
  if (!match) return { fields: {}, body: source };
  const fields: Record<string, string> = {};
  for (const line of match[1]!.split("\n")) {
    const field = /^(\w+)\s*:\s*(.+?)\s*$/.exec(line);
    if (field) fields[field[1]!.toLowerCase()] = field[2]!.replace(/^["']|["']$/g, "");
  }
  return { fields, body: source.slice(match[0].length) };
}

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/<[^>\n]+>/g, "");
}

/** Strips Markdown markup (headings, emphasis, links, images, code fences, quotes, rules). */
export function markdownToText(source: string): MarkdownArticle {
  const { fields, body } = frontMatter(source.replace(/\r\n?/g, "\n"));
  let title = fields.title;
  const out: string[] = [];
  let fenced = false;
  for (const raw of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      out.push(raw);
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(raw) || /^\s*([-*_])(\s*\1){2,}\s*$/.test(raw)) continue;
    const heading = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const text = inline(heading[2]!);
      if (heading[1] === "#" && title === undefined) {
        title = text;
        continue;
      }
      out.push("", text, "");
      continue;
    }
    out.push(inline(raw.replace(/^\s*>\s?/, "").replace(/^(\s*)[*+]\s+/, "$1- ")));
  }
  return {
    text: out.join("\n"),
    ...(title ? { title: title.trim() } : {}),
    ...(fields.publisher ? { publisher: fields.publisher } : {}),
    ...(fields.date ? { date: fields.date } : {}),
  };
}
