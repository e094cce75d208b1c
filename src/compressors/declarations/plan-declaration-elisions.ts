/**
 * Which whole declarations a file can lose and keep its syntax: members of the file itself and of
 * what holds declarations one after another (class and impl bodies, namespaces, modules, object
 * literals, C preprocessor conditionals such as include guards), each on rows of its own, clear of
 * the file's syntax errors; inside a function too large to go whole, its statements. Imports,
 * comments and what the conversation names stay. The largest declarations go first; one that would
 * take more than the profile allows (or that the conversation names) is opened and its members
 * weighed instead.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from '../code/code-languages.ts';
import type { ElidedRegion } from '../code/plan-scope.ts';
import type { SourceLines } from '../code/source-lines.ts';
import { declaredName } from '../code/symbol-names.ts';
import { isMentionedDeclaration, type Enclosing } from '../code/mentioned-names.ts';
import { overlapsAny, type RowSpan } from '../code/syntax-errors.ts';

/** How much whole-declaration elision may drop. */
export interface DeclarationPlanOptions {
  /** Most of the file's non-blank characters the elided declarations may hold. */
  readonly maxDropShare: number;
  /** A declaration spanning fewer rows stays: its marker line would cost about what it saves. */
  readonly minRows: number;
  /** A declaration of fewer non-blank characters stays, for the same reason. */
  readonly minChars: number;
}

/** Where the text to plan over is not all the input's: rows added before it, whose blocks hold it. */
export interface PlanFrame {
  /** Rows before this one were added (an opened fragment's `if True:` lines): nothing starting there is dropped. */
  readonly firstRow: number;
  /** Rows after this one were added (a framed fragment's closing lines): nothing ending there is dropped. @default the last row */
  readonly lastRow?: number;
}

/**
 * Nodes whose named children are declarations (or statements) one after another; in JavaScript, an
 * object literal's members too (`rules: { source_file: $ => ..., ... }` declares a grammar's rules).
 */
const CONTAINER_TYPES = new Set([
  'class_body',
  'declaration_list',
  'field_declaration_list',
  'preproc_ifdef',
  'preproc_if',
  'preproc_else',
  'preproc_elif',
  'preproc_elifdef',
  'object',
]);
/** A Python class body is a `block` like any other: only under a class is it a list of declarations. */
const PYTHON_CLASS = 'class_definition';
/** What a file needs to be read at all: it stays whatever the budget. */
const KEPT_TYPES =
  /^(?:import|package|use_declaration|extern_crate|preproc_include|using_declaration|future_import|namespace_alias|access_specifier)/;
/** Siblings that belong to the declaration after them. */
const ATTACHED_TYPES = new Set(['attribute_item']);
/** Fields of a preprocessor conditional that hold its condition, not a member. */
const CONDITION_FIELDS = ['name', 'condition'];
/** A declaration on fewer rows than `minRows` still goes when it holds this many characters. */
const LONG_LINE_CHARS = 400;
/** Rows this long on average are data, not code anyone reads line by line. */
const UNREAD_LINE_CHARS = 2_000;
/** How deep inside a declaration its own containers are looked for (`export class X { ... }` is 3 down). */
const MAX_OPEN_DEPTH = 4;

/** A declaration that may be elided, with its rows and weight. */
interface Unit {
  readonly node: Node;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly chars: number;
}

function isContainer(node: Node, planning: Planning): boolean {
  if (CONTAINER_TYPES.has(node.type)) return true;
  const { rules, frame } = planning;
  const parent = node.parent;
  if (parent === null) return false;
  // A Python class body, or the body of a block opened around a fragment.
  if (node.type === 'block' && (parent.type === PYTHON_CLASS || parent.startPosition.row < frame.firstRow)) return true;
  // A function's body, when the function is too large to go whole: its statements (Go's sit one node deeper).
  if (rules.statementListType === null)
    return rules.bodyTypes.has(node.type) && rules.functionTypes.includes(parent.type);
  return (
    node.type === rules.statementListType && parent.parent !== null && rules.functionTypes.includes(parent.parent.type)
  );
}

/** Non-blank characters of rows `first` to `last`. */
function weight(lines: SourceLines, first: number, last: number): number {
  let chars = 0;
  for (let row = first; row <= last; row += 1) chars += lines.row(row).trim().length;
  return chars;
}

/** The name a declaration is known by: its own, or that of what it wraps (`export`, a decorator, a declarator). */
function unitName(node: Node): string | null {
  const queue: { node: Node; depth: number }[] = [{ node, depth: 0 }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const name = next.node.type === 'comment' ? null : declaredName(next.node);
    if (name !== null) return name;
    if (next.depth < 2)
      for (const child of next.node.namedChildren)
        if (child !== null) queue.push({ node: child, depth: next.depth + 1 });
  }
  return null;
}

/** Planning state: the file, the rules, what stays, and what has been chosen. */
interface Planning {
  readonly lines: SourceLines;
  readonly rules: LanguageRules;
  readonly options: DeclarationPlanOptions;
  readonly mentioned: ReadonlySet<string>;
  readonly errors: readonly RowSpan[];
  readonly frame: PlanFrame;
}

/** The members of `container` that may go, in order. */
function membersOf(container: Node, planning: Planning): Unit[] {
  const { lines, rules } = planning;
  const conditions = new Set(CONDITION_FIELDS.map((field) => container.childForFieldName(field)?.id));
  const members = container.namedChildren.filter((child): child is Node => child !== null && !conditions.has(child.id));
  // A Python block needs a statement: its first member (a docstring, often) stays, whatever else goes.
  const from = container.type === 'block' && rules.docstrings ? 1 : 0;
  const units: Unit[] = [];
  // Rust's `#[derive(...)]` is a sibling of what it annotates: it goes with it, or stays with it.
  let attached: Node | null = null;
  for (const member of members.slice(from)) {
    const opening: Node = attached ?? member;
    attached = ATTACHED_TYPES.has(member.type) ? opening : null;
    if (attached !== null || rules.commentTypes.includes(member.type) || KEPT_TYPES.test(member.type)) continue;
    // A separator after a member goes with it: the members left keep theirs, and a trailing one is allowed.
    const separator = member.nextSibling;
    const end = separator !== null && !separator.isNamed && separator.type === ',' ? separator : member;
    const firstRow = opening.startPosition.row;
    const lastRow = end.endPosition.row;
    if (!lines.startsRow(firstRow, opening.startIndex) || !lines.endsRow(lastRow, end.endIndex)) continue;
    if (overlapsAny(planning.errors, firstRow, lastRow)) continue;
    units.push({ node: member, firstRow, lastRow, chars: weight(lines, firstRow, lastRow) });
  }
  return units;
}

/** Containers inside `node` (itself included), not inside one another, at most MAX_OPEN_DEPTH down. */
function containersIn(node: Node, planning: Planning, depth = 0): Node[] {
  if (isContainer(node, planning)) return [node];
  if (depth >= MAX_OPEN_DEPTH) return [];
  return node.namedChildren.flatMap((child) => (child === null ? [] : containersIn(child, planning, depth + 1)));
}

/** The class a member sits in: a member indented at the top of a slice sits in one out of view. */
function enclosingClass(node: Node, planning: Planning): Enclosing {
  for (let at = node.parent; at !== null; at = at.parent) {
    if (planning.rules.classTypes.includes(at.type)) {
      const name = declaredName(at);
      return name === null ? null : { name };
    }
  }
  return planning.lines.indentOf(node.startPosition.row).length > 0 ? 'out-of-view' : null;
}

function isMentioned(unit: Unit, planning: Planning): boolean {
  const name = unitName(unit.node);
  return name !== null && isMentionedDeclaration(name, enclosingClass(unit.node, planning), planning.mentioned);
}

/**
 * The regions to elide under `root`, in row order: runs of chosen declarations that only blank rows
 * separate become one region, whose names are the declarations'.
 */
export function planDeclarationElisions(
  root: Node,
  lines: SourceLines,
  rules: LanguageRules,
  options: DeclarationPlanOptions,
  mentioned: ReadonlySet<string>,
  errors: readonly RowSpan[],
  frame: PlanFrame = { firstRow: 0 },
): ElidedRegion[] {
  const planning: Planning = { lines, rules, options, mentioned, errors, frame };
  const lastRow = frame.lastRow ?? lines.count - 1;
  let budget = options.maxDropShare * weight(lines, frame.firstRow, lastRow);
  const chosen: Unit[] = [];
  const candidates = membersOf(root, planning);
  // Largest first; ties in document order, so the same file always gives the same plan.
  const order = (a: Unit, b: Unit): number => b.chars - a.chars || a.firstRow - b.firstRow;
  candidates.sort(order);
  while (candidates.length > 0) {
    const unit = candidates.shift() as Unit;
    const rows = unit.lastRow - unit.firstRow + 1;
    // One line can be worth a marker too: a regex or a table written on a single line.
    const big = unit.chars >= options.minChars && (rows >= options.minRows || unit.chars >= LONG_LINE_CHARS);
    // Lines longer than anyone reads (an inlined regex, a blob) go even past the budget, when nothing in them can be kept.
    const unread = unit.chars / rows >= UNREAD_LINE_CHARS && containersIn(unit.node, planning).length === 0;
    // A declaration the conversation names stays; what it declares in turn is weighed like the rest.
    const inFragment = unit.firstRow >= frame.firstRow && unit.lastRow <= lastRow;
    if (big && (unit.chars <= budget || unread) && inFragment && !isMentioned(unit, planning)) {
      chosen.push(unit);
      budget -= unit.chars;
      continue;
    }
    const opened = containersIn(unit.node, planning).flatMap((container) =>
      container === unit.node ? [] : membersOf(container, planning),
    );
    if (opened.length === 0) continue;
    candidates.push(...opened);
    candidates.sort(order);
  }
  return regionsOf(chosen, lines);
}

function regionsOf(chosen: readonly Unit[], lines: SourceLines): ElidedRegion[] {
  const sorted = [...chosen].sort((a, b) => a.firstRow - b.firstRow);
  const regions: ElidedRegion[] = [];
  let run: Unit[] = [];
  const flush = (): void => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first === undefined || last === undefined) return;
    const names = run.map((unit) => unitName(unit.node)).filter((name): name is string => name !== null);
    regions.push({
      firstRow: first.firstRow,
      lastRow: last.lastRow,
      indent: lines.indentOf(first.firstRow),
      calls: names,
      namesAre: 'declares',
      closing: null,
      filler: false,
    });
    run = [];
  };
  for (const unit of sorted) {
    const previous = run[run.length - 1];
    if (previous !== undefined && !onlyBlankBetween(lines, previous.lastRow, unit.firstRow)) flush();
    run.push(unit);
  }
  flush();
  return regions;
}

function onlyBlankBetween(lines: SourceLines, afterRow: number, beforeRow: number): boolean {
  for (let row = afterRow + 1; row < beforeRow; row += 1) if (lines.row(row).trim() !== '') return false;
  return true;
}
