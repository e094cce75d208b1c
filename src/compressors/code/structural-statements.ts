/**
 * Statements of a long body that are kept (and outlined in turn) rather than elided: nested
 * declarations, so an IIFE-wrapped library or a `describe(() => {...})` test file keeps its outline.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './code-languages.ts';
import type { SourceLines } from './source-lines.ts';

const FUNCTION_VALUES = new Set(['function_expression', 'arrow_function', 'generator_function', 'class']);

/** Which function values count as structure: those longer than a short body. */
export interface StructureThreshold {
  readonly shortBodyLines: number;
  readonly lines: SourceLines;
}

/**
 * A function value long enough to be outlined itself, or one already outlined (it holds a marker,
 * so outlining an outline changes nothing). A short callback reads like any other statement.
 */
function isLongFunction(node: Node | null, threshold: StructureThreshold): boolean {
  if (node === null || !FUNCTION_VALUES.has(node.type)) return false;
  if (node.endPosition.row - node.startPosition.row + 1 > threshold.shortBodyLines) return true;
  return threshold.lines.containsMarker(node.startIndex, node.endIndex);
}

/** `const f = () => {...}`, `var A = class {...}`. */
function bindsLongFunction(declaration: Node, threshold: StructureThreshold): boolean {
  return declaration.namedChildren.some(
    (child) => child.type === 'variable_declarator' && isLongFunction(child.childForFieldName('value'), threshold),
  );
}

/** `obj.f = function () {...}` or `it('x', () => {...})` / `await run(async () => {...})`. */
function expressionHoldsLongFunction(statement: Node, threshold: StructureThreshold): boolean {
  let expression = statement.firstNamedChild;
  if (expression?.type === 'await_expression') expression = expression.firstNamedChild;
  if (expression === null) return false;
  if (expression.type === 'assignment_expression')
    return isLongFunction(expression.childForFieldName('right'), threshold);
  if (expression.type !== 'call_expression') return false;
  const args = expression.childForFieldName('arguments');
  return args !== null && args.namedChildren.some((arg) => isLongFunction(arg, threshold));
}

/** True when `statement` stays in an outline of the body that holds it. */
export function isStructural(statement: Node, rules: LanguageRules, threshold: StructureThreshold): boolean {
  if (rules.structuralTypes.has(statement.type)) return true;
  if (!rules.callbackStatements) return false;
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
    return bindsLongFunction(statement, threshold);
  }
  if (statement.type === 'expression_statement') return expressionHoldsLongFunction(statement, threshold);
  return false;
}
