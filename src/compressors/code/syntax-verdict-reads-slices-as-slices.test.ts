import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { codeCompressor, codeSyntaxCheck, prepareCodeGrammars } from './code-compressor.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { splitNumberedGroups } from './numbered-view.ts';
import { countSyntaxErrors } from './syntax-errors.ts';
import { trajectoryViews } from './trajectory-views.ts';

// A separate registry counts errors as a reader of the raw text would, with a parser the check never touched.
const checker = createGrammarRegistry();
const ruler = createTokenRuler('o200k_base');
const views = trajectoryViews(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs'));
const viewNamed = (name: string): string => {
  const view = views.find((v) => v.name === name);
  if (view === undefined) throw new Error(`no view ${name} in the shared trajectories`);
  return view.text;
};
const outline = (text: string): string => {
  const result = codeCompressor.compress(
    { text, kind: 'code', language: 'python' },
    { profile: 'balanced', ruler, conversation: '' },
  );
  if (result === null) throw new Error('the code compressor left the view whole');
  return result.text;
};

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(['python']), checker.prepare(['python'])]);
});

function rawErrors(text: string): number {
  const lookup = checker.parserFor('python');
  if (!lookup.ok) throw new Error(lookup.reason);
  const tree = lookup.parser.parse(text)!;
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** `text` with `)` appended to the first line that assigns: an error no reading of the slice forgives. */
function withStrayParenthesis(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => / = /.test(line) && !line.includes('[[terse:'));
  return lines.map((line, index) => (index === at ? `${line})` : line)).join('\n');
}

describe.skipIf(views.length === 0)('the engine syntax check on slices agents printed', () => {
  it('takes an outline of a cut tail though tree-sitter counts more errors in it', () => {
    // pylint's message_state_handler.py, the tail mini-swe-agent cut in the middle of a name.
    const tail = viewNamed('pylint-dev__pylint-6386.traj.json:51:output_tail');
    const outlined = outline(tail);
    // The cut edges number their errors differently once the middle is shorter: counting alone would refuse it.
    expect(rawErrors(outlined)).toBeGreaterThan(rawErrors(tail));
    expect(codeSyntaxCheck(tail, outlined, 'python')).toBe('keeps');
  });

  it('refuses an outline that a stray parenthesis breaks, whatever it does to the error count', () => {
    // sphinx's autodoc, `sed -n` from inside `get_sourcename` (at an `else:`) to the next method's docstring.
    const slice = viewNamed('sphinx-doc__sphinx-9229.traj.json:35:output');
    const outlined = outline(slice);
    expect(codeSyntaxCheck(slice, outlined, 'python')).toBe('keeps');
    expect(codeSyntaxCheck(slice, withStrayParenthesis(outlined), 'python')).toBe('breaks');
    // A tail cut in the middle of a name, which no frame mends: the parenthesis lowers the count (35 to 4
    // here, below the tail's own 13), and only reading the rest after its broken head refuses it.
    const tail = viewNamed('pylint-dev__pylint-6386.traj.json:51:output_tail');
    const broken = withStrayParenthesis(outline(tail));
    expect(rawErrors(broken)).toBeLessThan(rawErrors(tail));
    expect(codeSyntaxCheck(tail, broken, 'python')).toBe('breaks');
  });

  it('refuses a slice whose signature lost a line, though tree-sitter counts no more errors in it', () => {
    // matplotlib's `_fill_between_x_or_y`, `sed -n` to the middle of its docstring: the slice has errors.
    const slice = viewNamed('matplotlib__matplotlib-26208.traj.json:19:output');
    const lines = slice.split('\n');
    expect(lines[1]).toBe('            self, ind_dir, ind, dep1, dep2=0, *,');
    // What the text compressor's line-dropping made of it in a corpus replay: a parameter line of the
    // signature and the docstring's closing quotes among the lines gone.
    const omitted: [number, number][] = [
      [2, 2],
      [7, 8],
      [17, 17],
      [21, 33],
      [39, 41],
      [46, 46],
      [48, 50],
      [53, 55],
      [61, 61],
    ];
    const out: string[] = [];
    lines.forEach((line, index) => {
      const range = omitted.find(([first, last]) => index + 1 >= first && index + 1 <= last);
      if (range === undefined) out.push(line);
      else if (index + 1 === range[0])
        out.push(
          range[0] === range[1] ? `(... line ${range[0]} omitted)` : `(... lines ${range[0]}-${range[1]} omitted)`,
        );
    });
    const dropped = out.join('\n');
    expect(rawErrors(slice)).toBeGreaterThan(0);
    expect(rawErrors(dropped)).toBeLessThanOrEqual(rawErrors(slice));
    expect(codeSyntaxCheck(slice, dropped, 'python')).toBe('breaks');
  });

  it('judges each group of a numbered grep against its own, so a docstring left open is not hidden by the numbers', () => {
    // `nl -ba sympy/core/symbol.py | grep -A 20 "def __new__"`: three numbered views between `--` lines.
    const grep = viewNamed('sympy__sympy-16450.traj.json:39:output');
    expect(splitNumberedGroups(grep)?.length).toBe(3);
    const lines = grep.split('\n');
    const without = (first: number, last: number): string =>
      lines.filter((line) => !inRange(line, first, last)).join('\n');
    // Lines dropped inside `Symbol.__new__`'s docstring, its quotes kept: every group still parses as it did.
    expect(codeSyntaxCheck(grep, without(204, 210), 'python')).toBe('keeps');
    // Its closing quotes dropped too: the string runs on. Read whole, numbers and all, the grep counted more errors.
    const open = without(204, 211);
    expect(rawErrors(open)).toBeLessThan(rawErrors(grep));
    expect(codeSyntaxCheck(grep, open, 'python')).toBe('breaks');
  });
});

/** True when `line` of a numbered view carries a number in `[first, last]`. */
function inRange(line: string, first: number, last: number): boolean {
  const number = Number(/^ *(\d+)\t/.exec(line)?.[1] ?? NaN);
  return number >= first && number <= last;
}
