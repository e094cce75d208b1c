/**
 * Statements of a long body that are kept (and outlined in turn) rather than elided: nested
 * declarations, so an IIFE-wrapped library or a `describe(() => {...})` test file keeps its outline.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageRules } from './code-languages.ts';

const FUNCTION_VALUES = new Set([
  'function_expression', 'arrow_function', 'generator_function', 'class',
]);

function isFunctionValue(node: Node | null): boolean {
  return node !== null && FUNCTION_VALUES.has(node.type);
}

/** `const f = () => {...}`, `var A = class {...}`. */
function bindsFunction(declaration: Node): boolean {
  return declaration.namedChildren.some(
    (child) => child.type === 'variable_declarator' && isFunctionValue(child.childForFieldName('value')),
  );
}

/** `obj.f = function () {...}` or `it('x', () => {...})` / `await run(async () => {...})`. */
function expressionHoldsFunction(statement: Node): boolean {
  let expression = statement.firstNamedChild;
  if (expression?.type === 'await_expression') expression = expression.firstNamedChild;
  if (expression === null) return false;
  if (expression.type === 'assignment_expression') return isFunctionValue(expression.childForFieldName('right'));
  if (expression.type !== 'call_expression') return false;
  const args = expression.childForFieldName('arguments');
  return args !== null && args.namedChildren.some(isFunctionValue);
}

/** True when `statement` stays in an outline of the body that holds it. */
export function isStructural(statement: Node, rules: LanguageRules): boolean {
  if (rules.structuralTypes.has(statement.type)) return true;
  if (!rules.callbackStatements) return false;
  if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') return bindsFunction(statement);
  if (statement.type === 'expression_statement') return expressionHoldsFunction(statement);
  return false;
}
