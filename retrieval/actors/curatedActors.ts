import { readFile } from "node:fs/promises";
import { z } from "zod";
import { CURATED_KINDS } from "./types.js";
import { nameKey } from "./normalizeName.js";

const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => /\p{L}/u.test(s), "a name needs letters");

const curatedActorSchema = z
  .object({
    name: nameSchema,
    kind: z.enum(CURATED_KINDS),
    /** Other names, spellings and transliterations; matched in the text like the name. */
    aliases: z.array(nameSchema).default([]),
  })
  .strict();

/**
 * `corpus/actors.json`: who the actors are, plus what the name finder must not take for one.
 * `notActors` are whole names that look like actors but are places, weapons or operations;
 * `descriptors` are capitalised adjectives ("Iraqi", "Shi’ite") that start or end a run of
 * capitalised words without being part of a name.
 */
export const curatedActorsSchema = z
  .object({
    actors: z.array(curatedActorSchema).min(1),
    notActors: z.array(nameSchema).default([]),
    descriptors: z.array(z.string().trim().regex(/^\p{L}+(?:['’]\p{L}+)*$/u, "a descriptor is one word")).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const owner = new Map<string, string>();
    file.actors.forEach((actor, i) => {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = nameKey(name);
        const previous = owner.get(key);
        if (previous !== undefined && previous !== actor.name) {
          ctx.addIssue({ code: "custom", path: ["actors", i], message: `"${name}" names both "${previous}" and "${actor.name}"` });
        }
        owner.set(key, actor.name);
      }
    });
  });

export type CuratedActors = z.infer<typeof curatedActorsSchema>;
export type CuratedActor = CuratedActors["actors"][number];

/** Validates parsed JSON; the error names the source and every problem with its path. */
export function parseCuratedActors(json: unknown, source: string): CuratedActors {
  const parsed = curatedActorsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new Error(`${source} is not a valid actor list: ${problems}`);
}

export async function loadCuratedActors(path: string): Promise<CuratedActors> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`The actor list ${path} cannot be read: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseCuratedActors(json, path);
}
