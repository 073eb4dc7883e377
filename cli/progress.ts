import type { ProgressEvent } from "../retrieval/searchCore.js";

/** The engine's long work, and the benchmark scripts' own (answering many queries). */
export type CliProgressEvent = ProgressEvent | { phase: "queries"; done: number; total: number };

const LABELS: Record<CliProgressEvent["phase"], string> = {
  "load-model": "Loading the model",
  embed: "Indexing the corpus",
  write: "Writing the index",
  queries: "Answering queries",
};

/**
 * Shows long work (model download, indexing) on stderr, so stdout stays the machine-readable
 * answer: one line rewritten in place on a terminal, a line per tenth of the work in a log file.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): (event: CliProgressEvent) => void {
  let lastTime = 0;
  let lastStep = -1;
  return (event) => {
    const finished = event.done >= event.total;
    const percent = event.total > 0 ? Math.floor((100 * event.done) / event.total) : 100;
    const line = `${LABELS[event.phase]}: ${event.done}/${event.total} (${percent}%)`;
    if (stream.isTTY) {
      const now = Date.now();
      if (!finished && now - lastTime < 200) return;
      lastTime = now;
      stream.write(`\r${line}${finished ? "\n" : ""}`);
      return;
    }
    const step = Math.floor(percent / 10);
    if (step === lastStep && !finished) return;
    lastStep = finished ? -1 : step;
    stream.write(`${line}\n`);
  };
}
