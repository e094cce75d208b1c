/** The line a replay prints when some configurations cannot run on worker threads (apart from scale-flags.ts, which `--help` loads). */
import type { BenchConfig } from '../bench/bench-config.ts';
import { configsInThisThread } from '../bench/parallel/replay-pairs.ts';

/** Says on stderr which configurations replay in the main thread although workers were asked for. */
export function noteConfigsInThisThread(configs: readonly BenchConfig[], workers: number): void {
  if (workers <= 1) return;
  const here = configsInThisThread(configs);
  if (here.length === 0) return;
  const names = here.map((config) => config.name).join(', ');
  process.stderr.write(
    `${names}: no worker can open ${here.length === 1 ? 'it' : 'them'} (an external proxy's capture server listens in this thread): replayed in this thread, the other configurations on the workers\n`,
  );
}
