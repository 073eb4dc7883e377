/** Scales a vector to unit length, so a dot product is a cosine similarity. */
export function normalize(vector: readonly number[]): number[] {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? vector.map((x) => x / norm) : [...vector];
}

/** Runs `embed` over batches of `texts`, reporting progress after each batch. */
export async function embedInBatches(
  texts: readonly string[],
  batchSize: number,
  embed: (batch: string[]) => Promise<number[][]>,
  onProgress?: (done: number, total: number) => void,
): Promise<number[][]> {
  const vectors: number[][] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    vectors.push(...(await embed(batch)).map(normalize));
    onProgress?.(vectors.length, texts.length);
  }
  return vectors;
}
