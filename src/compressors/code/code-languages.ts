/** What the code compressor knows about each grammar: where its wasm lives and which nodes matter. */

/** The grammars the code compressor outlines (the `language` names `detect/` gives, c aside). */
export type CodeGrammar = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'rust' | 'java' | 'cpp';

export const CODE_GRAMMARS: readonly CodeGrammar[] = [
  'python',
  'javascript',
  'typescript',
  'tsx',
  'go',
  'rust',
  'java',
  'cpp',
];

/** Node types and text conventions of one grammar, as the outline planner needs them. */
export interface LanguageRules {
  /** npm package holding the grammar and the wasm file name in its root. */
  readonly wasm: { readonly packageName: string; readonly file: string };
  /** Nodes whose `body` may be outlined: functions, methods, closures. */
  readonly functionTypes: readonly string[];
  /** Nodes whose name, when the conversation mentions it, keeps the whole node verbatim. */
  readonly classTypes: readonly string[];
  /** Body node types that hold statements (an arrow function's expression body is not one). */
  readonly bodyTypes: ReadonlySet<string>;
  /** Go wraps a block's statements in one more node. */
  readonly statementListType: string | null;
  /** Statements inside a long body that stay (and are outlined in turn): nested declarations. */
  readonly structuralTypes: ReadonlySet<string>;
  /** JavaScript family: `const f = () => {...}` and `it('x', () => {...})` count as structural too. */
  readonly callbackStatements: boolean;
  readonly callTypes: readonly string[];
  /** Bracketed lists of data whose long runs of elements may be elided (see plan-list-elisions.ts). */
  readonly listTypes: readonly string[];
  /** C function-like macros: a run of them is elided like a list's elements. */
  readonly macroTypes: readonly string[];
  readonly commentTypes: readonly string[];
  readonly lineComment: string;
  /** Python: the first string of a body is a docstring; an empty block needs a statement. */
  readonly docstrings: boolean;
  readonly emptyBodyFiller: string | null;
}

const JS_FUNCTIONS = [
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function_declaration',
  'generator_function',
];
const JS_STRUCTURAL = ['function_declaration', 'generator_function_declaration', 'class_declaration'];
const JS_LISTS = ['array', 'object'];
// A class body counts only where it declares (see plan-list-elisions.ts).
const TS_LISTS = [...JS_LISTS, 'interface_body', 'object_type', 'enum_body', 'class_body'];
const TS_STRUCTURAL = [
  ...JS_STRUCTURAL,
  'abstract_class_declaration',
  'interface_declaration',
  'type_alias_declaration',
  'enum_declaration',
  'module',
  'internal_module',
];

function braceLanguage(
  packageName: string,
  file: string,
  shape: Pick<LanguageRules, 'functionTypes' | 'classTypes' | 'callTypes' | 'listTypes'> & {
    macroTypes?: readonly string[];
    commentTypes?: readonly string[];
    bodyTypes: readonly string[];
    structuralTypes: readonly string[];
    statementListType?: string;
    callbackStatements?: boolean;
  },
): LanguageRules {
  return {
    wasm: { packageName, file },
    functionTypes: shape.functionTypes,
    classTypes: shape.classTypes,
    bodyTypes: new Set(shape.bodyTypes),
    statementListType: shape.statementListType ?? null,
    structuralTypes: new Set(shape.structuralTypes),
    callbackStatements: shape.callbackStatements ?? false,
    callTypes: shape.callTypes,
    listTypes: shape.listTypes,
    macroTypes: shape.macroTypes ?? [],
    commentTypes: shape.commentTypes ?? ['comment'],
    lineComment: '//',
    docstrings: false,
    emptyBodyFiller: null,
  };
}

const typescriptShape = {
  functionTypes: JS_FUNCTIONS,
  classTypes: ['class_declaration', 'abstract_class_declaration', 'class'],
  callTypes: ['call_expression'],
  listTypes: TS_LISTS,
  bodyTypes: ['statement_block'],
  structuralTypes: TS_STRUCTURAL,
  callbackStatements: true,
};

/** Every grammar's rules; a missing grammar fails to compile. */
export const LANGUAGE_RULES: Readonly<Record<CodeGrammar, LanguageRules>> = {
  python: {
    wasm: { packageName: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
    functionTypes: ['function_definition'],
    classTypes: ['class_definition'],
    bodyTypes: new Set(['block']),
    statementListType: null,
    structuralTypes: new Set(['function_definition', 'class_definition', 'decorated_definition']),
    callbackStatements: false,
    callTypes: ['call'],
    listTypes: ['list', 'dictionary', 'set', 'tuple', 'argument_list'],
    macroTypes: [],
    commentTypes: ['comment'],
    lineComment: '#',
    docstrings: true,
    emptyBodyFiller: '...',
  },
  javascript: braceLanguage('tree-sitter-javascript', 'tree-sitter-javascript.wasm', {
    ...typescriptShape,
    classTypes: ['class_declaration', 'class'],
    listTypes: JS_LISTS,
    structuralTypes: JS_STRUCTURAL,
  }),
  typescript: braceLanguage('tree-sitter-typescript', 'tree-sitter-typescript.wasm', typescriptShape),
  tsx: braceLanguage('tree-sitter-typescript', 'tree-sitter-tsx.wasm', typescriptShape),
  go: braceLanguage('tree-sitter-go', 'tree-sitter-go.wasm', {
    functionTypes: ['function_declaration', 'method_declaration', 'func_literal'],
    classTypes: [],
    callTypes: ['call_expression'],
    listTypes: ['literal_value'],
    bodyTypes: ['block'],
    statementListType: 'statement_list',
    structuralTypes: ['type_declaration'],
  }),
  rust: braceLanguage('tree-sitter-rust', 'tree-sitter-rust.wasm', {
    functionTypes: ['function_item', 'closure_expression'],
    classTypes: ['impl_item', 'trait_item'],
    callTypes: ['call_expression'],
    listTypes: ['array_expression'],
    commentTypes: ['line_comment', 'block_comment'],
    bodyTypes: ['block'],
    structuralTypes: ['function_item', 'struct_item', 'enum_item', 'impl_item', 'trait_item', 'mod_item', 'union_item'],
  }),
  java: braceLanguage('tree-sitter-java', 'tree-sitter-java.wasm', {
    functionTypes: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
    classTypes: ['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration'],
    callTypes: ['method_invocation'],
    listTypes: ['array_initializer'],
    commentTypes: ['line_comment', 'block_comment'],
    bodyTypes: ['block', 'constructor_body'],
    structuralTypes: ['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration'],
  }),
  cpp: braceLanguage('tree-sitter-cpp', 'tree-sitter-cpp.wasm', {
    functionTypes: ['function_definition', 'lambda_expression'],
    classTypes: ['class_specifier', 'struct_specifier'],
    callTypes: ['call_expression'],
    listTypes: ['initializer_list', 'enumerator_list', 'field_declaration_list'],
    macroTypes: ['preproc_function_def'],
    bodyTypes: ['compound_statement'],
    structuralTypes: [],
  }),
};

// Names other tools and `detect/` use; C is outlined with the C++ grammar (the output is re-parsed anyway).
const ALIASES: Readonly<Record<string, CodeGrammar>> = {
  py: 'python',
  python3: 'python',
  js: 'javascript',
  jsx: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  golang: 'go',
  rs: 'rust',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  c: 'cpp',
};

/** The grammar for a language name (case-insensitive, common aliases accepted), or null. */
export function grammarFor(language: string): CodeGrammar | null {
  const name = language.trim().toLowerCase();
  if ((CODE_GRAMMARS as readonly string[]).includes(name)) return name as CodeGrammar;
  return ALIASES[name] ?? null;
}
