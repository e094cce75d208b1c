import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenSize } from '../tokenize/token-size.ts';
import { blockRouting } from './block-routing.ts';
import { compressBlock } from './compress-block.ts';
import { createEngine } from './create-engine.ts';

const FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'compressors',
  'pytest',
  '__fixtures__',
  'test_logged_failure.py',
);

/** What pytest prints for tests that fail after logging a caught exception, or null without pytest. */
function pytestRun(): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'terse-pytest-'));
  try {
    copyFileSync(FIXTURE, path.join(dir, 'test_logged_failure.py'));
    const run = spawnSync('python3', ['-m', 'pytest', '-p', 'no:cacheprovider', 'test_logged_failure.py'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    if (run.error !== undefined || !run.stdout.includes('test session starts')) return null;
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the whole-report pass', () => {
  it("hands a pytest run in mini-swe-agent's wrapper to the pytest compressor whole, though detection cuts it at its captured tracebacks", async () => {
    const report = pytestRun();
    if (report === null) {
      console.warn('pytest is not installed: the whole-report test is skipped');
      return;
    }
    const opening = '<returncode>1</returncode>\n<output>\n';
    const text = `${opening}${report}</output>`;
    const setup = await createEngine({ profile: 'balanced' });
    // The captured tracebacks start at column 0: detection makes separate sections of them.
    const sections = setup.detect(text).sections ?? [];
    expect(sections.filter((section) => section.kind === 'log').length).toBeGreaterThanOrEqual(2);
    const outcome = compressBlock(
      text,
      undefined,
      tokenSize(text, setup.ruler),
      blockRouting(setup, { conversation: '' }),
    );
    expect(outcome).toMatchObject({ state: 'compressed', compressor: 'mixed:report:pytest' });
    const out = outcome.state === 'compressed' ? outcome.text : '';
    // The wrapper is as it was; every failure keeps its title, its E lines and its location.
    expect(out.startsWith(opening)).toBe(true);
    expect(out.endsWith('</output>')).toBe(true);
    for (const line of report
      .split('\n')
      .filter((l) => /^E |^_{3,} test_\w+ _{3,}$|^test_logged_failure\.py:\d+: /.test(l)))
      expect(out).toContain(line);
    expect(setup.ruler.count(out)).toBeLessThan(setup.ruler.count(text) * 0.85);
  });
});
