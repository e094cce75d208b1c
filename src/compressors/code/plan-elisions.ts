/**
 * Decides which rows of a parsed file an outline drops: the tail of each long function body, at
 * whole-statement and whole-line boundaries, and runs of elements of long lists of data
 * (plan-list-elisions.ts). Short bodies stay, and so do bodies of mentioned symbols, each long body's
 * first statement, and nested declarations.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './code-languages.ts';
import { commentElisions } from './comment-elisions.ts';
import { docstringOf, docstringRegion } from './python-docstring.ts';
import type { SourceLines } from './source-lines.ts';
import { isStructural } from './structural-statements.ts';
import { isMentionedDeclaration, type Enclosing } from './mentioned-names.ts';
import { calledName, declaredName } from './symbol-names.ts';
import { declaresOnly, planList, planMacroRun } from './plan-list-elisions.ts';
import { DecidedRanges, type ElidedRegion, type OutlineOptions, type PlanScope } from './plan-scope.ts';
import type { RowRange } from './fragment-frame.ts';
import { overlapsAny, type RowSpan } from './syntax-errors.ts';

export type { ElidedRegion, OutlineOptions } from './plan-scope.ts';

const spanLines = (first: Node, last: Node): number => last.endPosition.row - first.startPosition.row + 1;

function callsIn(statements: readonly Node[], rules: LanguageRules): string[] {
  const names = new Set<string>();
  for (const statement of statements) {
    for (const call of statement.descendantsOfType(rules.callTypes as string[])) {
      const name = calledName(call);
      if (name !== null) names.add(name);
    }
  }
  return [...names];
}

/** Elides a run of plain statements when, trimmed to whole lines, it is long enough. */
function elideRun(run: Node[], scope: PlanScope, elided: [number, number][]): Node[] {
  const { lines } = scope;
  const { firstRow, lastRow } = scope.within;
  let from = 0;
  let to = run.length - 1;
  // Statements that begin or end in a frame's synthetic lines stay, so the rest of the run can go.
  while (
    from <= to &&
    (run[from]!.startPosition.row < firstRow || !lines.startsRow(run[from]!.startPosition.row, run[from]!.startIndex))
  )
    from += 1;
  while (
    to >= from &&
    (run[to]!.endPosition.row > lastRow || !lines.endsRow(run[to]!.endPosition.row, run[to]!.endIndex))
  )
    to -= 1;
  if (from > to) return [];
  const first = run[from]!;
  const last = run[to]!;
  if (spanLines(first, last) < scope.options.minElidedLines) return [];
  const dropped = run.slice(from, to + 1);
  scope.regions.push({
    firstRow: first.startPosition.row,
    lastRow: last.endPosition.row,
    indent: lines.indentOf(first.startPosition.row),
    calls: callsIn(dropped, scope.rules),
    closing: null,
    filler: false,
  });
  elided.push([first.startIndex, last.endIndex]);
  return dropped;
}

function statementsOf(body: Node, rules: LanguageRules): Node[] {
  if (rules.statementListType === null) return body.namedChildren;
  const list = body.namedChildren.find((child) => child.type === rules.statementListType);
  return list === undefined ? [] : list.namedChildren;
}

/**
 * The class a function is a method of: a function indented at the top of a slice, or inside a block
 * a frame opened before it (`within`), sits in one out of view.
 */
function enclosingClass(fn: Node, rules: LanguageRules, lines: SourceLines, within: RowRange): Enclosing {
  for (let node = fn.parent; node !== null; node = node.parent) {
    if (node.parent !== null && node.startPosition.row < within.firstRow) return 'out-of-view';
    if (rules.classTypes.includes(node.type)) {
      const name = declaredName(node);
      return name === null ? null : { name };
    }
    if (rules.functionTypes.includes(node.type)) return null;
  }
  return lines.indentOf(fn.startPosition.row).length > 0 ? 'out-of-view' : null;
}

/** Plans one function: keep its body whole, or keep its head and structure and elide the rest. */
function planFunction(fn: Node, scope: PlanScope): void {
  const { rules, options } = scope;
  const body = fn.childForFieldName('body');
  if (body === null || !rules.bodyTypes.has(body.type)) return;
  const statements = statementsOf(body, rules);
  const first = statements[0];
  const last = statements[statements.length - 1];
  if (first === undefined || last === undefined) return;
  const name = declaredName(fn);
  if (
    name !== null &&
    isMentionedDeclaration(name, enclosingClass(fn, rules, scope.lines, scope.within), scope.mentioned)
  ) {
    scope.decided.add([[body.startIndex, body.endIndex]]);
    return;
  }
  // A docstring is trimmed to its first line whatever the body's length, and does not count in it.
  const hasDocstring = rules.docstrings && docstringOf(first) !== null;
  if (hasDocstring) pushIfAny(scope.regions, docstringRegion(first, scope.lines, options.minElidedLines));
  let next = hasDocstring ? 1 : 0;
  const codeStart = statements[next];
  if (codeStart === undefined || spanLines(codeStart, last) <= options.shortBodyLines) {
    scope.decided.add([[body.startIndex, body.endIndex]]);
    return;
  }
  // The first statement stays when short; a leading comment goes with the run (it is rarely whole alone).
  if (spanLines(codeStart, codeStart) <= options.headMaxLines && !rules.commentTypes.includes(codeStart.type))
    next += 1;
  const elided: [number, number][] = [];
  const dropped = new Set<Node>();
  let run: Node[] = [];
  const flush = (): void => {
    for (const node of elideRun(run, scope, elided)) dropped.add(node);
    run = [];
  };
  const threshold = { shortBodyLines: options.shortBodyLines, lines: scope.lines };
  for (const statement of statements.slice(next)) {
    if (isStructural(statement, rules, threshold)) flush();
    else run.push(statement);
  }
  flush();
  scope.decided.add(elided);
  if (rules.emptyBodyFiller !== null && elided.length > 0) {
    const keepsStatement = statements.some((s) => !rules.commentTypes.includes(s.type) && !dropped.has(s));
    const lastRegion = scope.regions[scope.regions.length - 1]!;
    if (!keepsStatement) scope.regions[scope.regions.length - 1] = { ...lastRegion, filler: true };
  }
}

/** A function whose statement body spans more than a short body (a list holding one keeps it). */
function hasLongBody(fn: Node, rules: LanguageRules, options: OutlineOptions): boolean {
  const body = fn.childForFieldName('body');
  return (
    body !== null &&
    rules.bodyTypes.has(body.type) &&
    body.endPosition.row - body.startPosition.row - 1 > options.shortBodyLines
  );
}

/** A module's first statement: a shebang or licence comment may come before its docstring. */
function firstStatement(root: Node, rules: LanguageRules): Node | null {
  let node = root.firstNamedChild;
  while (node !== null && rules.commentTypes.includes(node.type)) node = node.nextNamedSibling;
  return node;
}

function pushIfAny(regions: ElidedRegion[], region: ElidedRegion | null): void {
  if (region !== null) regions.push(region);
}

/** Where an outline may not elide, beyond what the options say. */
export interface PlanLimits {
  /**
   * In a fragment, the rows of its syntax errors: a function touching them is not outlined (its
   * nested functions may be), and no region touches them, so those rows stay verbatim.
   * @default []
   */
  readonly avoid?: readonly RowSpan[];
  /** Lists of data are elided too. @default true */
  readonly withLists?: boolean;
  /** In a framed fragment, the fragment's own rows: no region reaches the frame's lines around them. @default every row */
  readonly within?: RowRange;
}

/** Every region to elide in the tree under `root`, in document order, within `limits`. */
export function planElisions(
  root: Node,
  lines: SourceLines,
  rules: LanguageRules,
  options: OutlineOptions,
  mentioned: ReadonlySet<string>,
  limits: PlanLimits = {},
): ElidedRegion[] {
  const { avoid = [], withLists = true, within = { firstRow: 0, lastRow: lines.count - 1 } } = limits;
  const classTypes = new Set(rules.classTypes);
  const commentTypes = new Set(rules.commentTypes);
  const listTypes = new Set(withLists ? rules.listTypes : []);
  const functionTypes = new Set(rules.functionTypes);
  const macroTypes = new Set(withLists ? rules.macroTypes : []);
  const comments: Node[] = [];
  // One walk of the tree finds functions, classes, lists, macros and comments alike.
  const nodes = root.descendantsOfType([
    ...rules.functionTypes,
    ...rules.classTypes,
    ...listTypes,
    ...macroTypes,
    ...rules.commentTypes,
  ]);
  nodes.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  let starts: number[] | null = null;
  // Only a long list element asks: most files never need every function's body looked up.
  const longFunctionStarts = (): readonly number[] =>
    (starts ??= nodes
      .filter((node) => functionTypes.has(node.type) && hasLongBody(node, rules, options))
      .map((node) => node.startIndex));
  const scope: PlanScope = {
    lines,
    rules,
    options,
    mentioned,
    regions: [],
    decided: new DecidedRanges(),
    longFunctionStarts,
    keptLists: new Set(),
    within,
  };
  // Module and class docstrings keep their first line too, like function docstrings.
  if (rules.docstrings)
    pushIfAny(scope.regions, docstringRegion(firstStatement(root, rules), lines, options.minElidedLines));
  for (const node of nodes) {
    if (scope.decided.covers(node.startIndex)) continue;
    if (commentTypes.has(node.type)) {
      comments.push(node);
    } else if (classTypes.has(node.type)) {
      const name = declaredName(node);
      const body = node.childForFieldName('body');
      // A mentioned class that only declares (a `.d.ts`) keeps every member; its long comments still shrink.
      if (name !== null && mentioned.has(name) && body !== null && declaresOnly(body))
        scope.keptLists.add(body.startIndex);
      else if (name !== null && mentioned.has(name)) scope.decided.add([[node.startIndex, node.endIndex]]);
      else if (rules.docstrings)
        pushIfAny(scope.regions, docstringRegion(body?.firstNamedChild ?? null, lines, options.minElidedLines));
    } else if (overlapsAny(avoid, node.startPosition.row, node.endPosition.row)) {
      continue;
    } else if (listTypes.has(node.type)) {
      planList(node, scope);
    } else if (macroTypes.has(node.type)) {
      planMacroRun(node, scope);
    } else {
      planFunction(node, scope);
    }
  }
  scope.regions.push(...commentElisions(comments, lines, options.minElidedLines));
  const regions = scope.regions.filter(
    (r) => r.firstRow >= within.firstRow && r.lastRow <= within.lastRow && !overlapsAny(avoid, r.firstRow, r.lastRow),
  );
  return regions.sort((a, b) => a.firstRow - b.firstRow);
}
