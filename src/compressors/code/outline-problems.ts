/**
 * Independent checks of an outline against its original, shared by the tests and the bench: every
 * marker's ref is the original's, every kept line is the original's line at the position the
 * markers' line ranges put it, and the syntax rule holds: a whole file's outline parses clean, a
 * fragment's has errors only on lines copied verbatim from the original's own error rows (one cut at
 * its start keeps its broken head verbatim, and the rest must parse clean; one a frame makes whole,
 * framed alike, must parse clean). A line-numbered view is checked on its numbered lines, and parsed
 * without its numbers; a numbered grep's groups one by one.
 */
import type { Parser } from 'web-tree-sitter';
import { contentRef, findMarkers } from '../../store/marker.ts';
import type { CodeGrammar } from './code-languages.ts';
import { completeSource } from './completed-source.ts';
import { framedText } from './fragment-frame.ts';
import { parseNumberedView, splitAtGroupSeparators, splitNumberedGroups } from './numbered-view.ts';
import { framePythonFragment } from './python-fragment-frame.ts';
import { errorSpans, firstErrorRow, introducedErrorRow } from './syntax-errors.ts';
import { brokenHeadRows } from './cut-head.ts';

const LINE_RANGE = /^lines (\d+)-(\d+) omitted/;

// Python slices are framed (python-fragment-frame.ts): the one grammar whose name completing needs to know.
const grammarOf = (parser: Parser): CodeGrammar | null => (parser.language?.name === 'python' ? 'python' : null);

/** Problems with the outline's lines, and for each outline line the original row it copies (null: marker). */
function lineProblems(
  original: string,
  outlined: string,
  ref: string,
  firstNumber: number,
): { problems: string[]; sourceRows: (number | null)[] } {
  const originalLines = original.split('\n');
  const sourceRows: (number | null)[] = [];
  const fail = (problem: string): { problems: string[]; sourceRows: (number | null)[] } => ({
    problems: [problem],
    sourceRows,
  });
  let next = 0;
  for (const [index, line] of outlined.split('\n').entries()) {
    const marker = findMarkers(line)[0];
    if (marker !== undefined) {
      if (marker.ref !== ref)
        return fail(`outline line ${index + 1}: marker ref ${marker.ref} is not contentRef(original) ${ref}`);
      const range = LINE_RANGE.exec(marker.description);
      if (range === null) return fail(`outline line ${index + 1}: marker gives no line range`);
      if (Number(range[1]) !== next + firstNumber)
        return fail(`outline line ${index + 1}: marker starts at line ${range[1]}, expected ${next + firstNumber}`);
      next = Number(range[2]) - firstNumber + 1;
      sourceRows.push(null);
      continue;
    }
    if (originalLines[next] !== line) return fail(`outline line ${index + 1} is not original line ${next + 1}`);
    sourceRows.push(next);
    next += 1;
  }
  return {
    problems: next === originalLines.length ? [] : [`outline ends at original line ${next} of ${originalLines.length}`],
    sourceRows,
  };
}

/** What breaks the syntax rule (whole file: no error at all; fragment: no error it did not copy). */
function syntaxProblems(
  originalCode: string,
  outlineCode: string,
  sourceRows: readonly (number | null)[],
  parser: Parser,
): string[] {
  const originalTree = parser.parse(originalCode);
  const outlineTree = parser.parse(outlineCode);
  try {
    if (originalTree === null || outlineTree === null) return ['no tree for the original or the outline'];
    const originalErrors = errorSpans(originalTree.rootNode);
    // A fragment that a frame makes whole (a Python slice, a fragment cut at its end): its outline, framed alike, must parse clean.
    const completed = completeSource(parser, grammarOf(parser), originalCode, originalTree, originalErrors);
    if (completed !== null) {
      completed.tree.delete();
      const framedOutline = parser.parse(framedText(outlineCode, completed.frame));
      const row = framedOutline === null ? 0 : firstErrorRow(framedOutline.rootNode);
      framedOutline?.delete();
      return row === null
        ? []
        : [
            `outline of a fragment, framed with ${JSON.stringify(completed.frame)}, has a syntax error at line ${row + 1 - completed.frame.before.length}`,
          ];
    }
    // A fragment cut at its start: its broken head copied as it came, the rest must parse clean on its own.
    const headRows = originalErrors.length === 0 ? null : brokenHeadRows(parser, originalCode);
    if (headRows !== null && sourceRows.slice(0, headRows).every((source, index) => source === index)) {
      const originalRest = originalCode.split('\n').slice(headRows).join('\n');
      const frame = framePythonFragment(parser, originalRest, true);
      frame?.tree.delete();
      const outlineRest = outlineCode.split('\n').slice(headRows).join('\n');
      const rest = parser.parse(frame === null ? outlineRest : framedText(outlineRest, frame.frame));
      const row = rest === null ? 0 : firstErrorRow(rest.rootNode);
      rest?.delete();
      return row === null
        ? []
        : [`outline of a fragment cut at its start has a syntax error at line ${headRows + row + 1}`];
    }
    if (originalErrors.length === 0) {
      const row = firstErrorRow(outlineTree.rootNode);
      return row === null ? [] : [`outline has a syntax error at line ${row + 1}`];
    }
    const row = introducedErrorRow(outlineTree.rootNode, sourceRows, originalErrors);
    return row === null ? [] : [`outline brings a syntax error into the fragment at line ${row + 1}`];
  } finally {
    originalTree?.delete();
    outlineTree?.delete();
  }
}

/** The problems of one view (a whole text, or one group of a numbered grep) whose markers carry `ref`. */
function viewProblems(original: string, outlined: string, ref: string, parser: Parser): string[] {
  const problems: string[] = [];
  const numbered = parseNumberedView(original);
  const lines = lineProblems(original, outlined, ref, numbered?.firstNumber ?? 1);
  problems.push(...lines.problems);
  let outlineCode = outlined;
  // With a line already wrong the rows cannot be matched up; the syntax is still checked as given.
  if (numbered !== null && lines.problems.length === 0) {
    const codeRows = numbered.code.split('\n');
    outlineCode = outlined
      .split('\n')
      .map((line, index) => {
        const source = lines.sourceRows[index];
        if (source !== null && source !== undefined) return codeRows[source]!;
        if (!line.startsWith(numbered.blankPrefix))
          problems.push(`outline line ${index + 1}: marker line lacks the blank number column`);
        return line.slice(numbered.blankPrefix.length);
      })
      .join('\n');
  }
  // An untouched group of a numbered grep is the original's own text.
  if (outlined !== original)
    problems.push(...syntaxProblems(numbered?.code ?? original, outlineCode, lines.sourceRows, parser));
  return problems;
}

/** What is wrong with `outlined` as an outline of `original` (empty when nothing is). */
export function outlineProblems(original: string, outlined: string, parser: Parser): string[] {
  const problems: string[] = [];
  const ref = contentRef(original);
  if (findMarkers(outlined).length === 0) problems.push('outline has no marker');
  // A numbered grep's groups are outlined one by one, each naming its own lines, their separators kept.
  const groups = splitNumberedGroups(original);
  const outlinedGroups = groups === null ? null : splitAtGroupSeparators(outlined);
  if (groups === null || outlinedGroups === null)
    return [...problems, ...viewProblems(original, outlined, ref, parser)];
  if (outlinedGroups.length !== groups.length)
    return [...problems, `outline has ${outlinedGroups.length} groups, the original ${groups.length}`];
  groups.forEach((group, index) =>
    problems.push(...viewProblems(group, outlinedGroups[index]!, ref, parser).map((p) => `group ${index + 1}: ${p}`)),
  );
  return problems;
}
