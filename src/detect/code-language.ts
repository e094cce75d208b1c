/** Which programming language a code block is in, from syntax cues and an optional file name. */
import { anchoredAtStart, alternation } from './regex-alternation.ts';
import { requiredLiterals } from './regex-literals.ts';
import { isBlank } from './whitespace.ts';

/** Languages `detect/` names (the `language` of a `code` detection). */
export type CodeLanguage = 'python' | 'javascript' | 'typescript' | 'tsx' | 'go' | 'rust' | 'java' | 'cpp' | 'c';

const EXTENSIONS: Record<string, CodeLanguage> = {
  py: 'python',
  pyi: 'python',
  pyx: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  go: 'go',
  rs: 'rust',
  java: 'java',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  c: 'c',
  h: 'c',
};

/** Each cue is worth its weight every time a line shows it. */
const CUES: Record<CodeLanguage, readonly (readonly [RegExp, number])[]> = {
  python: [
    [/^\s*def \w+\s*\(.*\)\s*(?:->.*)?:\s*$/, 4],
    [/^\s*class \w+(?:\(.*\))?:\s*$/, 4],
    [/^\s*(?:from [\w.]+ import |import [\w.]+(?:\s+as \w+)?\s*$)/, 3],
    [/\bself\./, 2],
    [/^\s*(?:elif |except\b|finally:|with .*:\s*$|raise \w)/, 3],
    [/^\s*@\w[\w.]*(?:\(.*\))?\s*$/, 1],
    [/^\s*(?:if|for|while) .*:\s*$/, 2],
    [/"""|'''/, 2],
    [/\b(?:None|True|False)\b/, 1],
    [/^\s*#/, 1],
    [/^\s*return\b[^;]*$/, 1],
  ],
  javascript: [
    [/\bfunction\b\s*\w*\s*\(/, 3],
    [/^\s*(?:const|let|var) \w+\s*=/, 2],
    [/=>/, 2],
    [/\brequire\(['"]/, 4],
    [/module\.exports|exports\.\w+\s*=/, 4],
    [/\bconsole\.\w+\(/, 2],
    [/===|!==/, 2],
    [/^\s*import .* from ['"]/, 2],
    [/^\s*export (?:default |const |function |class )/, 2],
    [/;\s*$/, 1],
    [/^\s*\/\/|^\s*\/\*\*?|^\s*\*/, 1],
    [/\bundefined\b|\bthis\./, 1],
  ],
  typescript: [
    [/:\s*(?:string|number|boolean|void|unknown|any|never|readonly \w+)(?:\[\])?\b/, 3],
    [/^\s*(?:export )?(?:declare )?(?:interface|type) \w+(?:<[^>]*>)?\s*(?:=|\{|extends)/, 5],
    [/^\s*(?:export )?declare /, 4],
    [/\b(?:private|public|protected|readonly) \w+[?!]?:/, 3],
    [/\bas const\b|\bimplements\b|\bkeyof\b/, 3],
    [/^\s*import type /, 5],
    [/\): \w+(?:<[^>]*>)?(?:\[\])? \{?$/, 2],
  ],
  tsx: [
    [/^\s*<\/?[A-Z]\w*[\s/>]/, 3],
    [/return \(\s*$/, 2],
    [/className=/, 4],
    [/<\/\w+>\s*\)?;?\s*$/, 1],
  ],
  go: [
    [/^package \w+\s*$/, 5],
    [/^func (?:\(\w+ \*?\w+\) )?\w+\(/, 5],
    [/:=/, 2],
    [/^import \($/, 4],
    [/\berr != nil\b/, 4],
    [/\bfmt\.\w+\(/, 3],
    [/\bchan \w+|\bgo func\b|\bdefer \w/, 3],
    [/^type \w+ (?:struct|interface) \{/, 5],
  ],
  rust: [
    [/^\s*(?:pub(?:\(\w+\))? )?fn \w+(?:<[^>]*>)?\(/, 5],
    [/\blet mut\b/, 4],
    [/^\s*impl(?:<[^>]*>)? /, 4],
    [/^\s*use \w+(?:::\w+)+/, 4],
    [/&self\b|&mut self\b/, 4],
    [/#\[derive\(/, 5],
    [/\b\w+!\(/, 2],
    [/\.unwrap\(\)|Option<|Result<|Vec<|String::/, 3],
    [/^\s*match .* \{$/, 2],
    [/->\s*[\w<>&]+\s*\{?$/, 1],
  ],
  java: [
    [/^\s*(?:public|private|protected)(?: static)?(?: final)? (?:class|interface|enum) \w+/, 5],
    [/^\s*(?:public|private|protected) (?:static )?(?:final )?[\w<>[\],]+ \w+\(/, 4],
    [/^import java\.|^import [\w.]+;$/, 5],
    [/^package [\w.]+;$/, 5],
    [/System\.out\.|@Override\b/, 4],
    [/\bnew [A-Z]\w*(?:<.*>)?\(/, 1],
    [/;\s*$/, 1],
  ],
  cpp: [
    [/#include <(?:iostream|vector|string|memory|map|algorithm|cstdint|cstdio)>/, 5],
    [/\bstd::/, 4],
    [/^\s*template\s*</, 5],
    [/^\s*namespace \w+/, 4],
    [/^\s*(?:public|private|protected):\s*$/, 4],
    [/\bnullptr\b|\bcout\b|\bconstexpr\b/, 3],
    [/\w::\w+\(/, 1],
  ],
  c: [
    [/#include [<"][\w/]+\.h[>"]/, 3],
    [/^\s*#(?:define|ifdef|ifndef|endif|if|pragma)\b/, 2],
    [/\b(?:printf|malloc|free|memcpy|sizeof)\(/, 3],
    [/^\s*(?:typedef )?struct \w+/, 2],
    [/^\s*(?:static |extern )?(?:const )?(?:int|void|char|unsigned|uint\d+_t|size_t)\s+\**\w+\s*[(=;[]/, 3],
    [/\bNULL\b|->/, 1],
    [/;\s*$/, 1],
  ],
};

const LANGUAGES = Object.keys(CUES) as CodeLanguage[];
/** Lines past this many say nothing new about the language. */
const MAX_LINES = 800;

/** One cue, with strings a line must hold (one of) for the cue to match: null when none is known. */
interface Cue {
  readonly regex: RegExp;
  readonly weight: number;
  readonly literals: readonly string[] | null;
}

/** Cues that can only match together with `test` (null: no group test): when it fails, none is tried. */
interface CueGroup {
  readonly test: RegExp | null;
  readonly cues: readonly Cue[];
}

/** A language's cues anchored at the line start (tried at position 0 only) and those that scan the line. */
interface LanguageCues {
  readonly atStart: CueGroup | null;
  readonly anywhere: CueGroup | null;
}

function cueGroup(cues: readonly (readonly [RegExp, number])[], anchored: boolean): CueGroup | null {
  const members = cues.filter(([cue]) => anchoredAtStart(cue.source) === anchored);
  if (members.length === 0) return null;
  // Scanning cues are ruled out one by one by their literals; anchored ones cost one run at position 0.
  const test = anchored
    ? alternation(
        members.map(([cue]) => cue.source),
        true,
      )
    : null;
  return {
    test,
    cues: members.map(([regex, weight]) => ({ regex, weight, literals: requiredLiterals(regex.source) })),
  };
}

/**
 * Per language, its cues in two groups: most lines show no cue of most languages, and a regex run or
 * an `includes` rules them out. Two regexes over every language's cues rule out lines that show none.
 */
const LANGUAGE_CUES: readonly LanguageCues[] = LANGUAGES.map((language) => ({
  atStart: cueGroup(CUES[language], true),
  anywhere: cueGroup(CUES[language], false),
}));
const ANY_AT_START = alternation(
  LANGUAGES.flatMap((language) => CUES[language].map(([cue]) => cue.source).filter(anchoredAtStart)),
  true,
);
const ANY_ANYWHERE = alternation(
  LANGUAGES.flatMap((language) =>
    CUES[language].map(([cue]) => cue.source).filter((source) => !anchoredAtStart(source)),
  ),
  false,
);
const NO_SCORES: readonly number[] = LANGUAGES.map(() => 0);

function holdsAny(line: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (line.includes(literal)) return true;
  return false;
}

/** The weights of the group's cues that `line` shows, 0 without trying them when the group's regex fails. */
function groupScore(group: CueGroup | null, line: string): number {
  if (group === null || (group.test !== null && !group.test.test(line))) return 0;
  let score = 0;
  for (const cue of group.cues) {
    if (cue.literals !== null && !holdsAny(line, cue.literals)) continue;
    if (cue.regex.test(line)) score += cue.weight;
  }
  return score;
}

/** The language a file name's extension names, or null. */
export function languageOfFileName(fileName: string): CodeLanguage | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[fileName.slice(dot + 1).toLowerCase()] ?? null;
}

/** What one line adds to each language's score, in LANGUAGES order. */
function lineScores(line: string): readonly number[] {
  const atStart = ANY_AT_START !== null && ANY_AT_START.test(line);
  const anywhere = ANY_ANYWHERE !== null && ANY_ANYWHERE.test(line);
  if (!atStart && !anywhere) return NO_SCORES;
  return LANGUAGE_CUES.map(
    (cues) => (atStart ? groupScore(cues.atStart, line) : 0) + (anywhere ? groupScore(cues.anywhere, line) : 0),
  );
}

/** Picks the language whose cues the lines show most; a file-name hint wins unless cues contradict it. */
export function guessLanguage(lines: readonly string[], fileName?: string): CodeLanguage {
  const totals = LANGUAGES.map(() => 0);
  // A third of code lines repeat (`}`, `return nil`, `break;`): each distinct line is scored once.
  const scored = new Map<string, readonly number[]>();
  const count = Math.min(lines.length, MAX_LINES);
  for (let i = 0; i < count; i += 1) {
    const line = lines[i] as string;
    if (isBlank(line)) continue;
    let gained = scored.get(line);
    if (gained === undefined) {
      gained = lineScores(line);
      scored.set(line, gained);
    }
    if (gained === NO_SCORES) continue;
    for (let index = 0; index < totals.length; index += 1)
      totals[index] = (totals[index] as number) + (gained[index] as number);
  }
  const scores = new Map<CodeLanguage, number>(LANGUAGES.map((language, index) => [language, totals[index] as number]));
  // TypeScript and TSX are JavaScript plus more: they inherit its cues.
  const js = scores.get('javascript') ?? 0;
  const ts = scores.get('typescript') ?? 0;
  scores.set('typescript', ts > 0 ? ts + js : 0);
  const tsx = scores.get('tsx') ?? 0;
  scores.set('tsx', tsx >= 6 ? tsx + ts + js : 0);
  // C++ is C plus more.
  const cpp = scores.get('cpp') ?? 0;
  scores.set('cpp', cpp >= 4 ? cpp + (scores.get('c') ?? 0) : 0);
  let best: CodeLanguage = 'python';
  let bestScore = 0;
  for (const language of LANGUAGES) {
    const score = scores.get(language) ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  const hinted = fileName === undefined ? null : languageOfFileName(fileName);
  if (hinted === null) return best;
  // The name is trusted unless the bytes clearly belong to another family (a .txt renamed .py stays .py).
  const family = FAMILIES[hinted];
  const familyScore = Math.max(...family.map((language) => scores.get(language) ?? 0));
  if (family.includes(best) || bestScore <= 2 * familyScore + 10)
    return hinted === 'c' && best === 'cpp' ? 'cpp' : hinted;
  return best;
}

const FAMILIES: Record<CodeLanguage, readonly CodeLanguage[]> = {
  python: ['python'],
  javascript: ['javascript', 'typescript', 'tsx'],
  typescript: ['javascript', 'typescript', 'tsx'],
  tsx: ['javascript', 'typescript', 'tsx'],
  go: ['go'],
  rust: ['rust'],
  java: ['java'],
  cpp: ['c', 'cpp'],
  c: ['c', 'cpp'],
};
