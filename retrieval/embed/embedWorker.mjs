// The pool's worker thread starts here, in plain JavaScript: a worker gets neither tsx's loader
// (the CLI and bot) nor vite-node (tests) from its parent, so it registers tsx before the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./embedWorker.ts");
