import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { prepareCodeGrammars, codeGrammars } from './code-compressor.ts';
import { framedText } from './fragment-frame.ts';
import { createGrammarRegistry } from './grammar-registry.ts';
import { parseNumberedView } from './numbered-view.ts';
import { framePythonFragment, type FramedFragment } from './python-fragment-frame.ts';
import { countSyntaxErrors } from './syntax-errors.ts';
import { trajectoryViews } from './trajectory-views.ts';

// A separate registry, so the checks parse with a parser the framer never touched.
const checker = createGrammarRegistry();
const views = trajectoryViews(path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs'));

beforeAll(async () => {
  await Promise.all([prepareCodeGrammars(['python']), checker.prepare(['python'])]);
});

const parserOf = (registry: typeof checker) => {
  const lookup = registry.parserFor('python');
  if (!lookup.ok) throw new Error(lookup.reason);
  return lookup.parser;
};

function errorsIn(text: string): number {
  const tree = parserOf(checker).parse(text)!;
  try {
    return countSyntaxErrors(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The code of a view (a numbered one without its numbers). */
const codeOf = (text: string): string => parseNumberedView(text)?.code ?? text;

/** The frame of the view named `name`, its tree deleted; undefined when the view is not in the corpus. */
function frameOfView(name: string): FramedFragment['frame'] | null | undefined {
  const view = views.find((v) => v.name === name);
  if (view === undefined) return undefined;
  const code = codeOf(view.text);
  const framed = framePythonFragment(parserOf(codeGrammars), code, errorsIn(code) > 0);
  framed?.tree.delete();
  return framed?.frame ?? null;
}

describe.skipIf(views.length === 0)('the frame of a Python slice an agent printed', () => {
  it('makes most slices that do not parse a file that parses clean, the slice itself untouched in it', () => {
    let broken = 0;
    let framed = 0;
    for (const view of views) {
      const code = codeOf(view.text);
      if (errorsIn(code) === 0) continue;
      broken += 1;
      const result = framePythonFragment(parserOf(codeGrammars), code, true);
      if (result === null) continue;
      result.tree.delete();
      framed += 1;
      const { before, after } = result.frame;
      expect(result.text).toBe(framedText(code, result.frame));
      expect(
        result.text
          .split('\n')
          .slice(before.length, before.length + code.split('\n').length)
          .join('\n'),
      ).toBe(code);
      expect(
        [...before, ...after].every((line) => !line.includes('\n')),
        view.name,
      ).toBe(true);
      expect(errorsIn(result.text), view.name).toBe(0);
    }
    // 87 of the 111 views that do not parse (the others: agents' broken edits, output that is not code).
    expect(broken).toBeGreaterThan(90);
    expect(framed / broken).toBeGreaterThan(0.7);
  });

  it('opens what the slice starts inside: a body, a docstring, a call, a dict, a clause', () => {
    // xarray's `where_method`, printed from inside its docstring (a block, never a function: its tail stays as it came).
    expect(frameOfView('pydata__xarray-4695.traj.json:23:output')?.before).toEqual(['if True:', '    """']);
    // A slice whose first lines are the last arguments of a call.
    expect(frameOfView('pydata__xarray-4695.traj.json:43:output')?.before.at(-1)).toBe('    _(');
    // Sphinx's toctree: the slice starts inside a dict literal.
    expect(frameOfView('sphinx-doc__sphinx-10673.traj.json:19:output')?.before.at(-1)).toBe('    _ = {');
    // A slice that starts at an `except`: a `try` comes before it.
    expect(frameOfView('sphinx-doc__sphinx-9229.traj.json:193:output')?.before.at(-1)).toMatch(/^ +try: pass$/);
  });

  it('closes what the slice ends inside: a docstring, the brackets of a signature and its body', () => {
    expect(frameOfView('sympy__sympy-20590.traj.json:31:output')).toEqual({ before: [], after: ['    """'] });
    // pylint's `_add_parser_option`: the slice ends inside the parameters of the next method.
    expect(frameOfView('pylint-dev__pylint-6386.traj.json:27:output')?.after).toEqual(['    ):', '        pass']);
  });

  it('does not read prose as code inside a string it made up', () => {
    // The inside of a real docstring, from the first line after its opening quotes to the last before its closing ones.
    const view = views.find((v) => v.name === 'sympy__sympy-12489.traj.json:7:output');
    expect(view).toBeDefined();
    const rows = view!.text.split('\n');
    const opening = rows.findIndex((row) => row.trim() === '"""');
    const closing = rows.findIndex((row, index) => index > opening && row.trim() === '"""');
    const prose = rows.slice(opening + 1, closing === -1 ? undefined : closing).join('\n');
    expect(prose.split('\n').length).toBeGreaterThan(20);
    expect(framePythonFragment(parserOf(codeGrammars), prose, errorsIn(prose) > 0)).toBeNull();
  });
});
