import type { ProgressEvent } from "../retrieval/searchCore.js";

/**
 * Shows long work (model download, indexing) on stderr, at most a few times a second, so stdout
 * stays the machine-readable answer.
 */
export function stderrProgress(): (event: ProgressEvent) => void {
  let last = 0;
  const labels: Record<ProgressEvent["phase"], string> = { "load-model": "Loading the model", embed: "Indexing the corpus", write: "Writing the index" };
  return (event) => {
    const now = Date.now();
    const finished = event.done >= event.total;
    if (!finished && now - last < 250) return;
    last = now;
    const percent = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
    process.stderr.write(`${labels[event.phase]}: ${event.done}/${event.total} (${percent}%)\n`);
  };
}
