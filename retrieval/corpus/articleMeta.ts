import { readFile } from "node:fs/promises";
import { z } from "zod";

/** The sidecar `<name>.meta.json` that travels with each corpus article. */
export const articleMetaSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    publisher: z.string().trim().min(1).max(200).optional(),
    date: z.iso.date().optional(),
    url: z.url().optional(),
    originalFile: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();

export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** Reads a sidecar, or returns undefined when there is none; a malformed one is an error naming the file. */
export async function readArticleMeta(path: string): Promise<ArticleMeta | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = articleMetaSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`${path} has invalid article metadata: ${problems}`);
  }
  return parsed.data;
}
