import { describe, expect, it } from 'vitest';
import { looksNumbered, numberOutline, parseNumberedView } from './numbered-view.ts';

describe('numbered views', () => {
  it('reads nl -ba and cat -n output, blank numbered lines included', () => {
    const view = parseNumberedView('  1577\tclass A:\n  1578\t\n  1579\t    x = 1\n');
    expect(view).toEqual({
      code: 'class A:\n\n    x = 1\n',
      rows: ['  1577\tclass A:', '  1578\t', '  1579\t    x = 1', ''],
      firstNumber: 1577,
      blankPrefix: '      \t',
    });
  });

  it("reads SWE-agent's N:code window", () => {
    const view = parseNumberedView('9:def f():\n10:    return 1');
    expect(view?.code).toBe('def f():\n    return 1');
    expect(view?.firstNumber).toBe(9);
    expect(view?.blankPrefix).toBe('');
  });

  it('refuses gaps, mixed styles, unnumbered lines and plain code', () => {
    expect(parseNumberedView('   222\ta\n--\n   332\tb')).toBeNull();
    expect(parseNumberedView('   1\ta\n   3\tb')).toBeNull();
    expect(parseNumberedView('   1\ta\n2:b')).toBeNull();
    expect(parseNumberedView('def f():\n    return 1\n')).toBeNull();
    expect(parseNumberedView('')).toBeNull();
    expect(looksNumbered('   222\ta\n--\n   332\tb')).toBe(true);
    expect(looksNumbered('def f():\n    return {1: 2}\n')).toBe(false);
  });

  it('puts each kept row back as the view gave it and blanks the number column of markers', () => {
    const view = parseNumberedView('    10\tdef f():\n    11\t    a()\n    12\t    b()\n')!;
    const outline = 'def f():\n    # [[terse:0123456789abcdef lines 11-12 omitted]]\n';
    expect(numberOutline(view, outline, [0, null, 3])).toBe(
      '    10\tdef f():\n      \t    # [[terse:0123456789abcdef lines 11-12 omitted]]\n',
    );
  });
});
