/**
 * The lines verbose test runners print for each test that passed, and the same run written one line
 * per test file or class:
 *
 *   test_json/test_decode.py::TestPyDecode::test_decimal PASSED              [  5%]     (pytest -v)
 *   test_decimal (test.test_json.test_decode.TestCDecode.test_decimal) ... ok            (unittest -v, Django)
 *
 * become
 *
 *   test_json/test_decode.py::TestPyDecode PASSED: test_decimal test_float ...
 *   test.test_json.test_decode.TestCDecode ... ok: test_decimal test_float ...
 *
 * Every test keeps its name; the progress percentages go. Failures, errors and skips are other lines
 * and stay as printed.
 */

/** One passing test: its line, its file or class, its own name, and how its runner wrote it. */
interface PassingTest {
  readonly group: string;
  readonly name: string;
  readonly runner: 'pytest' | 'unittest';
}

// pytest -v: `path::Class::test_name[param] PASSED  [ 12%]`; the group is all before the test's name,
// whose parameters (`[a::b]`, `[x y]`) may hold what a name may not.
const PYTEST_PASSED = /^(\S+?)::([^\s:[]+(?:\[[^\]]*\])?) PASSED(?:\s+\[\s*\d+%\])?\s*$/;
// unittest -v (and Django's runner): `test_name (module.Class) ... ok`, 3.11+ adding `.test_name`.
const UNITTEST_OK = /^(\w+) \(([\w.]+)\) \.\.\. ok\s*$/;
/** A run needs this many passing tests of one group before it is written as one line. */
const MIN_RUN = 3;

function passingTest(line: string): PassingTest | null {
  const pytest = PYTEST_PASSED.exec(line);
  if (pytest !== null) return { group: pytest[1] as string, name: pytest[2] as string, runner: 'pytest' };
  const unittest = UNITTEST_OK.exec(line);
  if (unittest === null) return null;
  const name = unittest[1] as string;
  const owner = unittest[2] as string;
  const group = owner.endsWith(`.${name}`) ? owner.slice(0, -name.length - 1) : owner;
  return { group, name, runner: 'unittest' };
}

function runLine(run: readonly PassingTest[]): string {
  const first = run[0] as PassingTest;
  const said = first.runner === 'pytest' ? 'PASSED' : '... ok';
  return `${first.group} ${said}: ${run.map((test) => test.name).join(' ')}`;
}

/** `lines` with each run of passing tests of one group written on one line, and how many tests were folded. */
export function foldPassingTests(lines: readonly string[]): { lines: string[]; folded: number } {
  const out: string[] = [];
  let folded = 0;
  let line = 0;
  while (line < lines.length) {
    const run: PassingTest[] = [];
    for (let next = line; next < lines.length; next += 1) {
      const test = passingTest(lines[next] as string);
      const first = run[0];
      if (test === null || (first !== undefined && (test.group !== first.group || test.runner !== first.runner))) break;
      run.push(test);
    }
    if (run.length >= MIN_RUN) {
      out.push(runLine(run));
      folded += run.length;
      line += run.length;
    } else {
      out.push(lines[line] as string);
      line += 1;
    }
  }
  return { lines: out, folded };
}

/** What a marker says of `folded` passing tests. */
export function passingTestsSaid(folded: number): string {
  return `${folded} passing tests written one line per file or class`;
}
