/** Lines that define a symbol: the hit an agent searching for a name most often wants. */

const DEFINITION =
  /^\s*(?:(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|interface|type|enum|const|let|var|namespace|module)\s+[\w$]|(?:async\s+)?def\s+\w|class\s+\w|(?:pub(?:\([\w:]+\))?\s+)?(?:fn|struct|enum|trait|impl|mod|type|const|static)\b|func\s+(?:\([^)]*\)\s*)?\w|type\s+\w+\s+(?:struct|interface)|(?:public|private|protected|internal)\s+(?:static\s+)?(?:final\s+)?(?:abstract\s+)?(?:class|interface|enum|record|[\w<>[\],]+\s+\w+\s*\()|#define\s+\w|typedef\s|struct\s+\w+\s*\{|[A-Z_][A-Z0-9_]*\s*=\s)/;

/** True when `content` (a hit's text) defines a function, class, type, constant or similar. */
export function isDefinition(content: string): boolean {
  return DEFINITION.test(content);
}
