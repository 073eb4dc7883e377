import { createHash } from "node:crypto";
import { z } from "zod";

/** Bumped whenever what is stored, or how text is cut into units, changes meaning. */
export const INDEX_FORMAT_VERSION = 1;

export const manifestSchema = z
  .object({
    formatVersion: z.literal(INDEX_FORMAT_VERSION),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
    settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    /** Content hash of every source file, by path, so a stale index says what changed. */
    files: z.record(z.string(), z.string()),
    counts: z.object({ chunks: z.number().int().nonnegative(), sentences: z.number().int().nonnegative() }),
    builtAt: z.string(),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** One hash over everything an index depends on: a different one means rebuild. */
export function indexFingerprint(parts: Pick<Manifest, "embedder" | "settings" | "files">): string {
  const sorted = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(
    JSON.stringify({
      formatVersion: INDEX_FORMAT_VERSION,
      embedder: parts.embedder,
      settings: sorted(parts.settings),
      files: sorted(parts.files),
    }),
  );
}

/** Says in a few words why an existing index no longer fits, for the rebuild message. */
export function describeChange(old: Manifest, wanted: Pick<Manifest, "embedder" | "settings" | "files">): string {
  if (old.embedder.id !== wanted.embedder.id || old.embedder.dimensions !== wanted.embedder.dimensions) {
    return `embedder changed from ${old.embedder.id} (${old.embedder.dimensions}d) to ${wanted.embedder.id} (${wanted.embedder.dimensions}d)`;
  }
  const added = Object.keys(wanted.files).filter((f) => !(f in old.files));
  const removed = Object.keys(old.files).filter((f) => !(f in wanted.files));
  const changed = Object.keys(wanted.files).filter((f) => f in old.files && old.files[f] !== wanted.files[f]);
  const fileChanges = [
    ...added.map((f) => `added ${f}`),
    ...removed.map((f) => `removed ${f}`),
    ...changed.map((f) => `changed ${f}`),
  ];
  if (fileChanges.length > 0) return `corpus ${fileChanges.slice(0, 5).join(", ")}${fileChanges.length > 5 ? ", …" : ""}`;
  return "index settings changed";
}
