/** Names read off syntax nodes: what a function or class is called, and what a call calls. */
import type { Node } from 'web-tree-sitter';

const TRAILING_IDENTIFIER = /([A-Za-z_$][A-Za-z0-9_$]*)\s*$/;
// A callee written as a plain dotted or scoped path is shown whole; anything else by its last name.
const PLAIN_PATH = /^[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const MAX_PATH_CHARS = 48;
// Fields that hold the last segment of a member, attribute, selector or scoped name.
const LAST_SEGMENT_FIELDS = ['property', 'attribute', 'field', 'name'];
// Where a parent node holds the name an anonymous function is bound to.
const BINDING_FIELDS: Readonly<Record<string, string>> = {
  variable_declarator: 'name',
  assignment_expression: 'left',
  pair: 'key',
};

function trailingIdentifier(text: string): string | null {
  return TRAILING_IDENTIFIER.exec(text)?.[1] ?? null;
}

function shortText(node: Node, limit: number): string | null {
  return node.endIndex - node.startIndex <= limit ? node.text : null;
}

/** C and C++ put the name inside nested declarators: `int *Foo::bar(int)`. */
function declaratorName(node: Node): string | null {
  let declarator = node.childForFieldName('declarator');
  while (declarator !== null && declarator.type !== 'function_declarator') {
    declarator = declarator.childForFieldName('declarator');
  }
  let name = declarator?.childForFieldName('declarator') ?? null;
  while (name !== null && name.type === 'qualified_identifier') name = name.childForFieldName('name');
  const text = name === null ? null : shortText(name, MAX_PATH_CHARS);
  return text === null ? null : trailingIdentifier(text);
}

/** The name a function, method or class is known by, or null for anonymous code. */
export function declaredName(node: Node): string | null {
  const own = node.childForFieldName('name') ?? (node.type === 'impl_item' ? node.childForFieldName('type') : null);
  if (own !== null) {
    const text = shortText(own, MAX_PATH_CHARS * 2);
    // `impl<T> Foo<T>` and `crate::Foo` are both called Foo.
    return text === null ? null : trailingIdentifier(text.replace(/<[\s\S]*$/, ''));
  }
  if (node.type === 'function_definition' && node.childForFieldName('declarator') !== null) return declaratorName(node);
  const parent = node.parent;
  const field = parent === null ? undefined : BINDING_FIELDS[parent.type];
  if (parent === null || field === undefined) return null;
  // Anonymous functions take the name they are bound to: `const f = () => {}`, `obj.f = function () {}`.
  const binding = parent.childForFieldName(field);
  const text = binding === null ? null : shortText(binding, MAX_PATH_CHARS * 2);
  return text === null ? null : trailingIdentifier(text);
}

/** What a call node calls, as `foo`, `bar.baz` or `Foo::new`, or null when it has no plain name. */
export function calledName(call: Node): string | null {
  // Java's method_invocation spells `object.name(...)` as two fields.
  const javaName = call.type === 'method_invocation' ? call.childForFieldName('name') : null;
  if (javaName !== null) {
    const object = call.childForFieldName('object');
    const objectText = object === null ? null : shortText(object, MAX_PATH_CHARS);
    const path = objectText !== null && PLAIN_PATH.test(objectText) ? `${objectText}.${javaName.text}` : javaName.text;
    return path.length <= MAX_PATH_CHARS ? path : javaName.text;
  }
  const callee = call.childForFieldName('function');
  if (callee === null) return null;
  const text = shortText(callee, MAX_PATH_CHARS);
  if (text !== null && PLAIN_PATH.test(text)) return text;
  for (const field of LAST_SEGMENT_FIELDS) {
    const segment = callee.childForFieldName(field);
    const segmentText = segment === null ? null : shortText(segment, MAX_PATH_CHARS);
    if (segmentText !== null && PLAIN_PATH.test(segmentText)) return segmentText;
  }
  return null;
}
