import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-content.ts';

describe('detectContent splits mixed blocks into sections of their own kinds', () => {
  it('splits a mini-swe-agent <output> wrapper around grep results', () => {
    const grep = [
      "sphinx/ext/autodoc/__init__.py:1676:                more_content.append(_('alias of %s') % restify(self.object), '')",
      'sphinx/locale/ar/LC_MESSAGES/sphinx.po:1886:msgid "alias of %s"',
      'sphinx/locale/bg/LC_MESSAGES/sphinx.po:1886:msgid "alias of %s"',
    ].join('\n');
    const text = `<returncode>0</returncode>\n<output>\n${grep}\n</output>`;
    const detection = detectContent(text);
    expect(detection.kind).toBe('mixed');
    const search = detection.sections?.find((section) => section.kind === 'search');
    expect(search).toBeDefined();
    expect(text.slice(search?.start, search?.end)).toBe(`${grep}\n`);
    expect(detection.sections?.[0]?.start).toBe(0);
    expect(detection.sections?.at(-1)?.end).toBe(text.length);
  });

  it('splits markdown prose from a fenced python block and names its language', () => {
    const code = 'def area(r):\n    return 3.14 * r * r\n\nclass Shape:\n    pass\n';
    const text = `The area helper is wrong for negative radii, as this shows clearly.\n\n\`\`\`python\n${code}\`\`\`\n\nIt should raise a ValueError instead of returning a value.\n`;
    const detection = detectContent(text);
    expect(detection.kind).toBe('mixed');
    const fenced = detection.sections?.find((section) => section.kind === 'code');
    expect(fenced?.language).toBe('python');
    expect(text.slice(fenced?.start, fenced?.end)).toBe(code);
  });

  it('cuts a raised traceback out of surrounding prose output as log', () => {
    const traceback =
      'Traceback (most recent call last):\n  File "repro.py", line 3, in <module>\n    main()\nValueError: bad radius\n';
    const text = `Running the reproduction script now to see what happens with it.\nThe first check passed as it should have done.\n${traceback}That is the end of the run, and nothing else was printed after it.\n`;
    const detection = detectContent(text);
    expect(detection.kind).toBe('mixed');
    const log = detection.sections?.find((section) => section.kind === 'log');
    expect(text.slice(log?.start, log?.end)).toBe(traceback);
  });

  it('keeps a doctest traceback inside python code as code', () => {
    const text =
      'def f(x):\n    """\n    >>> f(-1)\n    Traceback (most recent call last):\n    ...\n    ValueError\n    """\n    if x < 0:\n        raise ValueError(x)\n    return x\n';
    expect(detectContent(text)).toEqual({ kind: 'code', language: 'python' });
  });
});
