/**
 * Independent checks of an outline against its original, shared by the tests and the bench: it
 * parses clean, every marker's ref is the original's, and every kept line is the original's line at
 * the position the markers' line ranges put it.
 */
import type { Parser } from 'web-tree-sitter';
import { contentRef, findMarkers } from '../../store/marker.ts';
import { firstErrorRow } from './syntax-errors.ts';

const LINE_RANGE = /^lines (\d+)-(\d+) omitted/;

function lineProblems(original: string, outlined: string, ref: string): string[] {
  const originalLines = original.split('\n');
  let next = 0;
  for (const [index, line] of outlined.split('\n').entries()) {
    const marker = findMarkers(line)[0];
    if (marker !== undefined) {
      if (marker.ref !== ref) return [`outline line ${index + 1}: marker ref ${marker.ref} is not contentRef(original) ${ref}`];
      const range = LINE_RANGE.exec(marker.description);
      if (range === null) return [`outline line ${index + 1}: marker gives no line range`];
      if (Number(range[1]) !== next + 1) return [`outline line ${index + 1}: marker starts at line ${range[1]}, expected ${next + 1}`];
      next = Number(range[2]);
      continue;
    }
    if (originalLines[next] !== line) return [`outline line ${index + 1} is not original line ${next + 1}`];
    next += 1;
  }
  return next === originalLines.length ? [] : [`outline ends at original line ${next} of ${originalLines.length}`];
}

/** What is wrong with `outlined` as an outline of `original` (empty when nothing is). */
export function outlineProblems(original: string, outlined: string, parser: Parser): string[] {
  const problems: string[] = [];
  const tree = parser.parse(outlined);
  if (tree === null) return ['no tree for the outline'];
  const errorRow = firstErrorRow(tree.rootNode);
  tree.delete();
  if (errorRow !== null) problems.push(`outline has a syntax error at line ${errorRow + 1}`);
  if (findMarkers(outlined).length === 0) problems.push('outline has no marker');
  problems.push(...lineProblems(original, outlined, contentRef(original)));
  return problems;
}
