/**
 * Long lists of data are outlined like long bodies: object literals and arrays (a tree-sitter
 * `grammar.js` is one big object), C initializer, enumerator and struct field lists, a `.d.ts`
 * class's or interface's members, Python lists, dicts and argument lists, and runs of C function-like
 * macros. The first element stays when it is one line, and so do elements that hold a long function
 * body or a long keyed list (outlined in turn) and elements the conversation names; each run of the
 * others, on whole lines, becomes one marker comment inside the brackets that names what it dropped:
 *
 *   rules: {
 *     // [[terse:3f9a0c1d2b4e5f60 lines 118-159 omitted; keys: source_file, _statement, empty_statement]]
 *
 * Names of functions, rules, methods and macros are all listed (a run ends before they overflow its
 * marker): they are what a reader navigates by. What stays before a marker ends with its own
 * separator, so the list reads as one with a trailing comma; where a grammar refuses that, the
 * re-parse catches it and that list elision is given up (checked-outline.ts).
 */
import type { Node } from 'web-tree-sitter';
import { MAX_DESCRIPTION_LENGTH } from '../../store/marker.ts';
import type { PlanScope } from './plan-scope.ts';

const SEPARATORS = new Set([',', ';']);
// Elements that bind a name, and the field that holds it (other elements are asked nothing: each ask crosses into wasm).
const NAME_FIELDS: Readonly<Record<string, string>> = {
  pair: 'key',
  enumerator: 'name',
  initializer_pair: 'designator',
  keyword_argument: 'name',
  property_signature: 'name',
  method_signature: 'name',
  abstract_method_signature: 'name',
  method_definition: 'name',
  public_field_definition: 'name',
  preproc_function_def: 'name',
};
const TRAILING_NAME = /([A-Za-z_$][A-Za-z0-9_$]*)\W*$/;
const MAX_NAME_CHARS = 64;
// Declared methods (a `.d.ts`, an interface) and macros: their names are what a reader looks for.
const SIGNATURES = new Set(['method_signature', 'abstract_method_signature', 'preproc_function_def']);
// Function-like macros only: a `#define STATE_COUNT 2786` is a fact a reader asks for, and one line.
const MACROS = new Set(['preproc_function_def']);

/** Where an element ends: after the separator that follows it on its row, if any. */
function elementEnd(element: Node): { readonly index: number; readonly row: number } {
  // A C preprocessor line owns its "\n": it ends on the row it is written on.
  if (
    element.endPosition.column === 0 &&
    element.endIndex > element.startIndex &&
    element.type.startsWith('preproc_')
  ) {
    return { index: element.endIndex - 1, row: element.endPosition.row - 1 };
  }
  const next = element.nextSibling;
  if (next !== null && SEPARATORS.has(next.type) && next.startPosition.row === element.endPosition.row) {
    return { index: next.endIndex, row: next.endPosition.row };
  }
  return { index: element.endIndex, row: element.endPosition.row };
}

/** The key or name an element binds (`name: ...`, `[sym_x] = ...`, `A = 1`), or null. */
function elementName(element: Node): string | null {
  const field = NAME_FIELDS[element.type];
  const node = field === undefined ? null : element.childForFieldName(field);
  if (node === null || node.endIndex - node.startIndex > MAX_NAME_CHARS) return null;
  return TRAILING_NAME.exec(node.text)?.[1] ?? null;
}

/** A list element and the name it binds, read once. */
interface ListElement {
  readonly node: Node;
  readonly name: string | null;
}

/** The keys a run binds, in order (none for plain values: a list of data calls nothing worth naming, and searching it costs). */
function keysIn(elements: readonly ListElement[]): string[] {
  const keys = new Set<string>();
  for (const { name } of elements) if (name !== null) keys.add(name);
  return [...keys];
}

/** True when `text` holds at least `count` non-blank characters in [from, to). */
function holdsNonBlank(text: string, from: number, to: number, count: number): boolean {
  let left = count;
  for (let at = from; at < to && left > 0; at += 1) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) left -= 1;
  }
  return left <= 0;
}

/** Elides a run of elements when, trimmed to whole lines, it is long enough. */
function elideRun(run: readonly ListElement[], scope: PlanScope, decided: [number, number][]): void {
  const { lines, options } = scope;
  let from = 0;
  let to = run.length - 1;
  while (from <= to && !lines.startsRow(run[from]!.node.startPosition.row, run[from]!.node.startIndex)) from += 1;
  while (to >= from && !lines.endsRow(elementEnd(run[to]!.node).row, elementEnd(run[to]!.node).index)) to -= 1;
  if (from > to) return;
  const first = run[from]!.node;
  const end = elementEnd(run[to]!.node);
  if (end.row - first.startPosition.row + 1 < options.minElidedLines) return;
  if (!holdsNonBlank(lines.text, first.startIndex, end.index, options.minElidedListChars)) return;
  const elided = run.slice(from, to + 1);
  scope.regions.push({
    firstRow: first.startPosition.row,
    lastRow: end.row,
    indent: lines.indentOf(first.startPosition.row),
    calls: keysIn(elided),
    namesAre: 'keys',
    listsAll: elided.some((element) => element.name !== null && bindsFunction(element.node, scope)),
    closing: null,
    filler: false,
    list: true,
  });
  decided.push([first.startIndex, end.index]);
}

/** `name: $ => seq(...)`, `f() {...}`: an element whose name is a function's, worth listing however many there are. */
function bindsFunction(element: Node, scope: PlanScope): boolean {
  if (scope.rules.functionTypes.includes(element.type) || SIGNATURES.has(element.type)) return true;
  const value = element.childForFieldName('value');
  return value !== null && scope.rules.functionTypes.includes(value.type);
}

/** True when some index of `starts` (ascending) lies in [from, to). */
function startsWithin(starts: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && starts[low]! < to;
}

/**
 * Elements that stay, outlined in turn: those holding a long function body, a long keyed list
 * (`rules: {...}`: its keys are what a reader navigates by), or a marker (so outlining an outline
 * changes nothing).
 */
function isStructural(element: Node, scope: PlanScope, listTypes: ReadonlySet<string>): boolean {
  const { lines, options } = scope;
  if (lines.containsMarker(element.startIndex, element.endIndex)) return true;
  if (element.endPosition.row - element.startPosition.row + 1 <= options.shortBodyLines) return false;
  if (startsWithin(scope.longFunctionStarts(), element.startIndex, element.endIndex)) return true;
  const value = element.childForFieldName('value');
  return value !== null && listTypes.has(value.type);
}

/** A class body that only declares (a `.d.ts`): one with method bodies is outlined method by method, not as a list. */
export function declaresOnly(body: Node): boolean {
  return body.type === 'class_body' && body.namedChildren.every((member) => member.childForFieldName('body') === null);
}

const holdsCode = (list: Node): boolean => list.type === 'class_body' && !declaresOnly(list);

// What a marker's description holds for names, past its fixed part (`lines 10000-10100 omitted; keys: `).
const NAMES_BUDGET = MAX_DESCRIPTION_LENGTH - 40;

/** Plans a list's elements: the structural ones stay, runs of the others are elided. */
function planElements(elements: readonly Node[], scope: PlanScope): void {
  const { lines, rules } = scope;
  const listTypes = new Set(rules.listTypes);
  const decided: [number, number][] = [];
  let run: ListElement[] = [];
  let namesLength = 0;
  const flush = (): void => {
    elideRun(run, scope, decided);
    run = [];
    namesLength = 0;
  };
  for (const element of elements) {
    const name = elementName(element);
    if (name !== null && scope.mentioned.has(name)) {
      flush();
      decided.push([element.startIndex, element.endIndex]);
      continue;
    }
    if (isStructural(element, scope, listTypes)) {
      flush();
      continue;
    }
    // Functions' names are all listed: a run ends, on a whole line, before its names overflow the marker.
    if (name !== null && bindsFunction(element, scope)) {
      const previous = run[run.length - 1]?.node;
      if (
        previous !== undefined &&
        namesLength + name.length + 2 > NAMES_BUDGET &&
        lines.endsRow(elementEnd(previous).row, elementEnd(previous).index)
      )
        flush();
      namesLength += name.length + 2;
    }
    run.push({ node: element, name });
  }
  flush();
  scope.decided.add(decided);
}

/** Plans one list: keep it whole when short, else keep its head and structural elements and elide the rest. */
export function planList(list: Node, scope: PlanScope): void {
  const { options, rules } = scope;
  if (
    list.endPosition.row - list.startPosition.row - 1 <= options.shortBodyLines ||
    holdsCode(list) ||
    scope.keptLists.has(list.startIndex)
  )
    return;
  // `interface Foo {...}`, `enum Kind {...}`, `const PREC = {...}`: a list the conversation names stays whole.
  const owner = list.parent?.childForFieldName('name') ?? null;
  if (owner !== null && scope.mentioned.has(owner.text)) return;
  const elements = list.namedChildren;
  const head = elements[0];
  const keepsHead =
    head !== undefined &&
    head.endPosition.row - head.startPosition.row + 1 <= options.headMaxLines &&
    !rules.commentTypes.includes(head.type);
  planElements(keepsHead ? elements.slice(1) : elements, scope);
}

/**
 * Plans the run of C function-like macro definitions (and the comments between them) that `first`
 * starts: a header's `#define f(x) ...` become markers that list every macro's name, e.g.
 * `// [[terse:<ref> lines 24-120 omitted; keys: Array, array_init, array_new, array_get]]`.
 */
export function planMacroRun(first: Node, scope: PlanScope): void {
  // A macro after another (comments between) belongs to the run that one started, planned already.
  let previous = first.previousNamedSibling;
  while (previous !== null && scope.rules.commentTypes.includes(previous.type))
    previous = previous.previousNamedSibling;
  if (previous !== null && MACROS.has(previous.type)) return;
  const run: Node[] = [];
  let macros = 0;
  for (let node: Node | null = first; node !== null; node = node.nextNamedSibling) {
    if (MACROS.has(node.type)) macros += 1;
    else if (!scope.rules.commentTypes.includes(node.type)) break;
    run.push(node);
  }
  while (run.length > 0 && !MACROS.has(run[run.length - 1]!.type)) run.pop();
  if (macros >= 2) planElements(run, scope);
}
