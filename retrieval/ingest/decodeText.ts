import chardet from "chardet";
import iconv from "iconv-lite";
import { IngestError } from "./ingestError.js";

/** How many leading bytes are looked at to tell text from binary. */
const SNIFF_BYTES = 8192;
/** Share of control characters (other than tab and line breaks) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.02;

/** The encoding a byte-order mark announces, if any. */
function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset a saved page declares (`<meta charset>` or `http-equiv` content type), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const name = match?.[1]?.toLowerCase();
  return name && iconv.encodingExists(name) ? name : undefined;
}

function controlShare(text: string): number {
  const sample = text.slice(0, SNIFF_BYTES);
  if (sample.length === 0) return 0;
  let control = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f || code === 0xfffd) control++;
  }
  return control / sample.length;
}

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as. */
  encoding: string;
}

/**
 * Reads a file's bytes as text: a byte-order mark wins, then valid UTF-8, then the charset a page
 * declares, then chardet's guess. Throws IngestError for an empty file or one that is not text.
 */
export function decodeText(bytes: Uint8Array, what: string, options: { html?: boolean } = {}): DecodedText {
  if (bytes.length === 0) throw new IngestError("empty", `${what} is empty.`);
  const bom = bomEncoding(bytes);
  let encoding: string;
  let body = bytes;
  if (bom) {
    encoding = bom.encoding;
    body = bytes.subarray(bom.length);
  } else {
    // A NUL byte never appears in UTF-8 or single-byte text: this is a binary file (or BOM-less UTF-16, which we do not guess).
    if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new IngestError("binary", `${what} is a binary file, not text.`);
    encoding = isValidUtf8(bytes) ? "utf-8" : ((options.html ? declaredCharset(bytes) : undefined) ?? chardet.detect(bytes)?.toLowerCase() ?? "");
    // As browsers do: Latin-1 is read as its superset Windows-1252, where 0x92 is ’, not a control character.
    if (encoding === "iso-8859-1" || encoding === "latin1" || encoding === "ascii") encoding = "windows-1252";
    if (!iconv.encodingExists(encoding)) throw new IngestError("binary", `${what} is not text in any encoding I can recognise.`);
  }
  const text = iconv.decode(Buffer.from(body), encoding);
  if (controlShare(text) > MAX_CONTROL_SHARE) throw new IngestError("binary", `${what} is a binary file, not text.`);
  return { text, encoding };
}
