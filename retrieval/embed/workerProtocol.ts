/** Messages between the embedding pool and its worker threads. */

/** Main thread to worker: embed these texts (one batch of the model's size). */
export interface JobMessage {
  id: number;
  texts: string[];
}

/** Worker to main thread: the model is loaded; a batch's vectors; or why a batch failed. */
export type WorkerMessage =
  | { type: "ready" }
  | { type: "vectors"; id: number; vectors: number[][] }
  | { type: "failed"; id: number; message: string };
