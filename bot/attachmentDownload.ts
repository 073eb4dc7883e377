import { z } from "zod";
import { articleType } from "../retrieval/ingest/index.js";

/** Longest a download may take. */
const DOWNLOAD_TIMEOUT_MS = 20_000;
/** Content types an article file may carry (Discord's guess from the name); none at all is accepted too. */
const TEXT_TYPES = /^(text\/(plain|markdown|x-markdown|html)|application\/(xhtml\+xml|octet-stream))\b/i;

/** The attachment option as the interaction carries it. */
export const attachmentSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  url: z.url({ protocol: /^https?$/ }),
  contentType: z.string().nullish(),
});
export type ArticleAttachment = z.infer<typeof attachmentSchema>;

/** Why an attachment is refused before it is downloaded, or undefined when it may be. */
export function attachmentProblem(attachment: ArticleAttachment, maxBytes: number): string | undefined {
  if (!articleType(attachment.name)) return `${attachment.name} is not a .txt, .md or .html file.`;
  if (attachment.contentType && !TEXT_TYPES.test(attachment.contentType)) return `${attachment.name} is ${attachment.contentType}, not a text, Markdown or HTML file.`;
  if (attachment.size === 0) return `${attachment.name} is empty.`;
  if (attachment.size > maxBytes) return `${attachment.name} is ${attachment.size.toLocaleString("en-US")} bytes; the limit is ${maxBytes.toLocaleString("en-US")}.`;
  return undefined;
}

/** A download that failed or broke a limit; its message is for the person who attached the file. */
export class DownloadError extends Error {}

/**
 * Downloads an attachment from the URL the interaction carries, reading no more than `maxBytes`
 * whatever the server claims.
 */
export async function downloadAttachment(attachment: ArticleAttachment, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    throw new DownloadError(`Could not download ${attachment.name} (${(error as Error).message}); please try again.`);
  }
  if (!response.ok || !response.body) throw new DownloadError(`Could not download ${attachment.name} (HTTP ${response.status}); please try again.`);
  const parts: Uint8Array[] = [];
  let received = 0;
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    received += part.length;
    if (received > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new DownloadError(`${attachment.name} is larger than the limit of ${maxBytes.toLocaleString("en-US")} bytes.`);
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}
