/**
 * Questions as people type them, made from well-formed ones for robustness runs: lowercased with
 * the punctuation gone, and seeded typos. The same seed always gives the same questions.
 */
export const NOISE_KINDS = ["lowercase", "typos"] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export interface NoiseOptions {
  kinds: readonly NoiseKind[];
  seed: number;
  /** Chance that a word of five or more letters gets one typo. */
  rate: number;
}

export const DEFAULT_NOISE_RATE = 0.25;

/** mulberry32: a small, fast PRNG that is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Letters beside a letter on a QWERTY keyboard, on its row. */
function neighbours(letter: string): string {
  const lower = letter.toLowerCase();
  for (const row of KEYBOARD_ROWS) {
    const at = row.indexOf(lower);
    if (at >= 0) return (row[at - 1] ?? "") + (row[at + 1] ?? "");
  }
  return "";
}

/**
 * One typo in a word, never in its first letter (people rarely get that wrong): two neighbouring
 * letters swapped, a letter dropped, one doubled, or one replaced by a key beside it.
 */
export function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 1));
  const kind = Math.floor(random() * 4);
  if (kind === 0 && at < word.length - 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 2) return word.slice(0, at) + word[at] + word.slice(at);
  const near = neighbours(word[at]!);
  return near ? word.slice(0, at) + near[Math.floor(random() * near.length)] + word.slice(at + 1) : word.slice(0, at) + word.slice(at + 1);
}

/** The question as typed carelessly: what `kinds` asks for, drawn from `random`. */
export function addNoise(question: string, options: Omit<NoiseOptions, "seed">, random: () => number): string {
  let text = question;
  if (options.kinds.includes("lowercase")) {
    // Apostrophes inside words stay ("iran's"), as people type them; other punctuation goes.
    text = text.toLowerCase().replace(/(?!\b['’]\b)[^\p{L}\p{N}\s]+/gu, " ").replace(/\s+/gu, " ").trim();
  }
  if (options.kinds.includes("typos")) {
    text = text.replace(/\p{L}{5,}/gu, (word) => (random() < options.rate ? typo(word, random) : word));
  }
  return text;
}
