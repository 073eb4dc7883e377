import { openEngine } from "../retrieval/engine.js";
import { cliLogger, runCli } from "./runCli.js";
import { stderrProgress } from "./progress.js";

/** Builds the index ahead of time (e.g. at deploy), or says that the one on disk is current. */
runCli(async () => {
  const started = performance.now();
  const engine = await openEngine({ logger: cliLogger(), onProgress: stderrProgress() });
  const { chunks, sentences } = engine.indexStats;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `${engine.builtIndex ? "Built" : "Loaded the current"} index: ${engine.articles().length} articles, ${chunks} chunks, ${sentences} sentences, ${engine.embedderId}, ${seconds} s.\n`,
  );
  await engine.close();
  return 0;
});
