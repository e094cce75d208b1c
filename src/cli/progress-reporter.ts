/** Progress on stderr: a bar on a terminal, one plain line per finished trace otherwise. */
import { SingleBar, Presets } from 'cli-progress';
import type { ReplayProgress } from '../bench/run-replay.ts';

export interface ProgressReporter extends ReplayProgress {
  stop(): void;
}

/** `totalRequests` sizes the bar (0: not known, as when traces stream in: lines only); `interactive` is true on a TTY outside CI. */
export function createProgressReporter(totalRequests: number, interactive: boolean, quiet = false): ProgressReporter {
  if (quiet) return { stop() {} };
  if (interactive && totalRequests > 0) {
    const bar = new SingleBar(
      {
        format: 'replay [{bar}] {percentage}% | {value}/{total} requests | {trace} ({config})',
        stream: process.stderr,
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(totalRequests, 0, { trace: '', config: '' });
    return {
      onRequest: (trace, config) => bar.increment(1, { trace, config }),
      stop: () => bar.stop(),
    };
  }
  return {
    onPair: (pair, done, total) => {
      const detail = pair.state === 'ok' ? `${pair.requests.length} requests` : `errored: ${pair.error}`;
      process.stderr.write(`[${done}/${total > 0 ? total : '?'}] ${pair.trace} (${pair.config}): ${detail}\n`);
    },
    stop() {},
  };
}
