/**
 * Runs a terse command in a child process and reads its peak resident set: the child prints
 * `process.resourceUsage().maxRSS` (the whole process, every worker thread included) as it exits,
 * through a one-line module given with `--import`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** What one measured command did. */
export interface PeakRun {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly peakMiB: number;
  readonly seconds: number;
  /** The last lines it printed on stderr, for when it failed. */
  readonly stderrTail: string;
}

const MARK = 'terse-peak-rss-kib';
const HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n${MARK} '+process.resourceUsage().maxRSS+'\\n'))`;

/** Runs `terse args...` (bin/terse.js) from `projectRoot` and measures it. */
export function measurePeakRss(projectRoot: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<PeakRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', HOOK, path.join(projectRoot, 'bin', 'terse.js'), ...args], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const kib = Number(new RegExp(`${MARK} (\\d+)`).exec(stderr)?.[1] ?? Number.NaN);
      resolve({
        args,
        exitCode,
        peakMiB: kib / 1024,
        seconds: (performance.now() - started) / 1000,
        stderrTail: stderr
          .replace(new RegExp(`\\n${MARK} \\d+\\n`), '')
          .split('\n')
          .slice(-5)
          .join('\n'),
      });
    });
  });
}
