import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { z } from "zod";

/** One quoted excerpt as `ask --json` prints it (and as `engine.ask` returns it). */
export const excerptCheckSchema = z.looseObject({
  text: z.string(),
  file: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});

/** An answer as `ask --json` prints it: what is checked is its excerpts (and `morePassages`, when an engine answer has them). */
export const answerCheckSchema = z.looseObject({
  excerpts: z.array(excerptCheckSchema),
  morePassages: z.array(excerptCheckSchema).optional(),
});

/** What is checked: an engine `Answer`, or an `ask --json` object. */
export interface CheckedExcerpt {
  text: string;
  file: string;
  start: number;
  end: number;
}
export interface CheckedAnswer {
  excerpts: readonly CheckedExcerpt[];
  morePassages?: readonly CheckedExcerpt[];
}

export interface ExcerptProblem {
  /** Where the excerpt sits: `excerpts[0]`, `morePassages[2]`. */
  at: string;
  file: string;
  start: number;
  end: number;
  problem: string;
}

export interface VerifyOptions {
  /** What `file` is relative to; default the project root. */
  projectRoot?: string;
  /** The corpus folder every cited file must be in; default CORPUS_DIR or `<projectRoot>/corpus/articles`. */
  corpusDir?: string;
}

export interface Verification {
  /** True when every excerpt is exactly its file's contents sliced at `start`/`end`. */
  ok: boolean;
  checked: number;
  problems: ExcerptProblem[];
}

const PROJECT_ROOT = resolve(import.meta.dirname, "..", "..");

const preview = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Checks every excerpt of an answer: its `file` is an article of the corpus and its `text` is
 * exactly that file's contents sliced at `start`/`end` (UTF-16 offsets). For people's own tests:
 *
 *   expect(verifyAnswer(await engine.ask("Who is Esmail Qaani?")).problems).toEqual([]);
 */
export function verifyAnswer(answer: CheckedAnswer, options: VerifyOptions = {}): Verification {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const corpusDir = options.corpusDir ?? resolve(root, process.env.CORPUS_DIR?.trim() || "corpus/articles");
  const contents = new Map<string, string | undefined>();
  const read = (path: string) => {
    if (!contents.has(path)) {
      try {
        contents.set(path, readFileSync(path, "utf8"));
      } catch {
        contents.set(path, undefined);
      }
    }
    return contents.get(path);
  };
  const problems: ExcerptProblem[] = [];
  const lists: [string, readonly CheckedExcerpt[]][] = [
    ["excerpts", answer.excerpts],
    ["morePassages", answer.morePassages ?? []],
  ];
  let checked = 0;
  for (const [name, excerpts] of lists) {
    excerpts.forEach((excerpt, i) => {
      checked++;
      const report = (problem: string) => problems.push({ at: `${name}[${i}]`, file: excerpt.file, start: excerpt.start, end: excerpt.end, problem });
      const path = resolve(root, excerpt.file);
      const inside = relative(corpusDir, path);
      if (inside.startsWith("..") || isAbsolute(inside) || !path.endsWith(".txt")) return void report("the file is not an article of the corpus");
      const text = read(path);
      if (text === undefined) return void report("the file does not exist");
      if (excerpt.end < excerpt.start || excerpt.end > text.length) {
        return void report(`start/end [${excerpt.start}, ${excerpt.end}) lie outside the file (${text.length} characters)`);
      }
      const actual = text.slice(excerpt.start, excerpt.end);
      if (actual !== excerpt.text) report(`the text is not the file's contents at [${excerpt.start}, ${excerpt.end}): quoted ${preview(excerpt.text)}, file has ${preview(actual)}`);
    });
  }
  return { ok: problems.length === 0, checked, problems };
}
