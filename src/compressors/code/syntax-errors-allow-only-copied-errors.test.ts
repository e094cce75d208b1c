import { beforeAll, describe, expect, it } from 'vitest';
import { createGrammarRegistry } from './grammar-registry.ts';
import { errorSpans, introducedErrorRow } from './syntax-errors.ts';

const registry = createGrammarRegistry();
beforeAll(() => registry.prepare(['python']));

function rootOf(source: string) {
  const lookup = registry.parserFor('python');
  if (!lookup.ok) throw new Error(lookup.reason);
  return lookup.parser.parse(source)!;
}

describe('the fragment rule', () => {
  // A slice cut in the middle of a call: its last rows are an error the outline may copy, not add to.
  const fragment = 'def f():\n    return 1\n\nvalue = compute(\n';

  it('finds the error rows of a fragment, and none in clean code', () => {
    const broken = rootOf(fragment);
    expect(errorSpans(broken.rootNode).length).toBeGreaterThan(0);
    for (const [first] of errorSpans(broken.rootNode)) expect(first).toBeGreaterThanOrEqual(3);
    broken.delete();
    const clean = rootOf('def f():\n    return 1\n');
    expect(errorSpans(clean.rootNode)).toEqual([]);
    clean.delete();
  });

  it('accepts errors on rows copied from error rows, and refuses one on a marker or clean row', () => {
    const original = rootOf(fragment);
    const spans = errorSpans(original.rootNode);
    original.delete();
    const copied = rootOf(fragment);
    expect(introducedErrorRow(copied.rootNode, [0, 1, 2, 3, 4], spans)).toBeNull();
    // The same text, claimed to come from clean rows (or from a marker line): the error is new.
    expect(introducedErrorRow(copied.rootNode, [0, 1, 2, 1, 1], spans)).not.toBeNull();
    expect(introducedErrorRow(copied.rootNode, [0, 1, 2, null, null], spans)).not.toBeNull();
    copied.delete();
  });
});
