/**
 * Real verbose test runs (Debian's Python 3.11 test suite for `json`, run by `python3 -m unittest -v`
 * and by pytest 7 with `-v`, which fails 67 of its tests there and prints a failure report): every
 * passing test keeps its name, on one line per file or class; every other line (failures, skips,
 * doctests, the summary) stays as printed, in order; the pytest compressor folds a failing run's
 * passing tests the same way. Both conform as the engine runs them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import { pytestCompressor } from '../pytest/pytest-compressor.ts';
import { foldPassingTests } from './passing-tests.ts';
import { testProgressCompressor } from './test-progress-compressor.ts';

const ruler = createTokenRuler('o200k_base');
// Nothing is written beside the system's tests: no bytecode, no pytest cache, no hypothesis database.
const quiet = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

function python(args: readonly string[], cwd?: string): string | null {
  const run = spawnSync('/usr/bin/python3', args, { cwd, env: quiet, encoding: 'utf8', maxBuffer: 1 << 26 });
  return run.error === undefined && run.stdout.length + run.stderr.length > 0 ? run.stdout + run.stderr : null;
}

const testsDir = python(['-c', 'import test.test_json, os; print(os.path.dirname(test.__file__))'])?.trim() ?? null;
const hasPytest = python(['-m', 'pytest', '--version'])?.includes('pytest') === true;
const UNITTEST_LINE = /^(\w+) \(([\w.]+)\) \.\.\. ok$/;
const PYTEST_LINE = /^(\S+)::(\S+) PASSED/;

/** Which passing tests an output names, as `group name` pairs, from folded and unfolded lines alike. */
function namedPassing(out: string, runner: 'pytest' | 'unittest'): string[] {
  const said = runner === 'pytest' ? ' PASSED: ' : ' ... ok: ';
  return out.split('\n').flatMap((line) => {
    const at = line.indexOf(said);
    if (at >= 0)
      return line
        .slice(at + said.length)
        .split(' ')
        .map((name) => `${line.slice(0, at)} ${name}`);
    const one = runner === 'pytest' ? PYTEST_LINE.exec(line) : UNITTEST_LINE.exec(line);
    if (one === null) return [];
    const group = runner === 'unittest' ? (one[2] as string).replace(new RegExp(`\\.${one[1]}$`), '') : one[1];
    return [`${group} ${runner === 'pytest' ? one[2] : one[1]}`];
  });
}

describe.skipIf(testsDir === null)("test-progress compressor on Python's own json tests", () => {
  it('unittest -v: names every passing test once, one line per class, every other line kept in order', () => {
    const run = python(['-m', 'unittest', '-v', 'test.test_json']) ?? '';
    const passing = run.split('\n').filter((line) => UNITTEST_LINE.test(line));
    expect(passing.length).toBeGreaterThan(100);
    const result = expectConformingResult(testProgressCompressor, run, 'text', {
      profile: 'balanced',
      ruler,
      conversation: '',
    });
    const out = result?.text ?? '';
    expect(findMarkers(out)).toHaveLength(1);
    expect(ruler.count(out)).toBeLessThan(ruler.count(run) * 0.6);
    expect(namedPassing(out, 'unittest').sort()).toEqual(namedPassing(run, 'unittest').sort());
    const others = run.split('\n').filter((line) => line !== '' && !UNITTEST_LINE.test(line));
    const kept = out.split('\n').filter((line) => others.includes(line));
    expect(kept).toEqual(others);
  });

  it.skipIf(!hasPytest)(
    'pytest -v with failures: the pytest compressor folds the passing tests beside the report',
    () => {
      const run =
        python(
          ['-m', 'pytest', '-v', '-p', 'no:cacheprovider', '-p', 'no:hypothesispytest', 'test_json'],
          testsDir ?? undefined,
        ) ?? '';
      expect(run).toMatch(/\d+ failed, \d+ passed/);
      const result = expectConformingResult(pytestCompressor, run, 'text', {
        profile: 'balanced',
        ruler,
        conversation: '',
      });
      const out = result?.text ?? '';
      expect(out).toMatch(/\d+ passing tests written one line per file or class/);
      expect(namedPassing(out, 'pytest').sort()).toEqual(namedPassing(run, 'pytest').sort());
      const failed = run.split('\n').filter((line) => / FAILED +\[/.test(line));
      expect(failed.length).toBeGreaterThan(10);
      expect(out.split('\n').filter((line) => failed.includes(line))).toEqual(failed);
    },
  );

  it.skipIf(!hasPytest)("keeps a parametrized test's id whole, `::` and spaces inside its brackets", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'terse-pytest-'));
    try {
      writeFileSync(
        path.join(dir, 'test_ids.py'),
        [
          'import pytest',
          '',
          "@pytest.mark.parametrize('value', ['a::b', 'c d', 'plain', 'x'], ids=['a::b', 'c d', 'plain', 'x'])",
          'class TestIds:',
          '    def test_value(self, value):',
          '        assert value',
          '',
        ].join('\n'),
      );
      const run =
        python(['-m', 'pytest', '-v', '-p', 'no:cacheprovider', '-p', 'no:hypothesispytest', 'test_ids.py'], dir) ?? '';
      const passed = run.split('\n').filter((line) => / PASSED/.test(line));
      expect(passed).toHaveLength(4);
      const { lines, folded } = foldPassingTests(run.split('\n'));
      expect(folded).toBe(4);
      const line = lines.find((l) => l.startsWith('test_ids.py::TestIds PASSED: '));
      expect(line).toBe(
        'test_ids.py::TestIds PASSED: test_value[a::b] test_value[c d] test_value[plain] test_value[x]',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves lossless alone, and a run with too few passing tests in a row', () => {
    const run = python(['-m', 'unittest', '-v', 'test.test_json']) ?? '';
    expect(
      testProgressCompressor.compress({ text: run, kind: 'text' }, { profile: 'lossless', ruler, conversation: '' }),
    ).toBeNull();
    const few = run
      .split('\n')
      .filter((line) => UNITTEST_LINE.test(line))
      .slice(0, 2)
      .join('\n');
    expect(
      testProgressCompressor.compress(
        { text: `${few}\nOK\n`, kind: 'text' },
        { profile: 'balanced', ruler, conversation: '' },
      ),
    ).toBeNull();
  });
});
