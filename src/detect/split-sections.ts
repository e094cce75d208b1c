/** Finds the parts of a block that are of different kinds: agent output wrappers, fences, tracebacks. */
import type { SectionKind } from './detection.ts';
import type { CodeLanguage } from './code-language.ts';

/** A stretch of the block, with its kind fixed by the split or left to detection (`null`). */
export interface RawSection {
  readonly start: number;
  readonly end: number;
  readonly kind: SectionKind | null;
  /** For fenced code: the file-name hint its info string gives (`x.py` for ```python). */
  readonly fileName?: string;
}

const WRAPPER_OPEN = /<(output|output_head|output_tail)>\n?/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*([\w+#.-]*)[^\n]*$/;
const TRACEBACK_START = 'Traceback (most recent call last):';
const FENCE_LANGUAGES: Record<string, CodeLanguage> = {
  python: 'python',
  py: 'python',
  python3: 'python',
  pycon: 'python',
  javascript: 'javascript',
  js: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  tsx: 'tsx',
  go: 'go',
  golang: 'go',
  rust: 'rust',
  rs: 'rust',
  java: 'java',
  cpp: 'cpp',
  'c++': 'cpp',
  c: 'c',
};

/** Tool output wrapped in `<output>` tags (mini-swe-agent): tags are text, the payload is detected. */
export function splitWrapped(text: string): RawSection[] | null {
  // Every opening tag starts `<output`: without it (most blocks) one fast search settles it.
  if (!text.includes('<output')) return null;
  const sections: RawSection[] = [];
  let cursor = 0;
  // indexOf scans, not a lazy regex: an unclosed tag must not make the scan quadratic.
  for (;;) {
    const opening = new RegExp(WRAPPER_OPEN.source, 'g');
    opening.lastIndex = cursor;
    const open = opening.exec(text);
    if (open === null) break;
    const tag = open[1] as string;
    const payloadStart = open.index + open[0].length;
    const payloadEnd = text.indexOf(`</${tag}>`, payloadStart);
    if (payloadEnd < 0) break;
    sections.push({ start: cursor, end: payloadStart, kind: 'text' });
    sections.push({ start: payloadStart, end: payloadEnd, kind: null });
    cursor = payloadEnd;
  }
  if (sections.length === 0) return null;
  sections.push({ start: cursor, end: text.length, kind: 'text' });
  return sections;
}

/** Markdown with fenced blocks: prose is text, each fence's body is detected (hinted by its info string). */
export function splitFenced(text: string): RawSection[] | null {
  // Every fence line holds three backticks or tildes: without them no line can open a fence.
  if (!text.includes('```') && !text.includes('~~~')) return null;
  const sections: RawSection[] = [];
  let cursor = 0;
  let offset = 0;
  let open: { fence: string; bodyStart: number; fileName?: string } | null = null;
  for (const line of text.split('\n')) {
    const lineEnd = offset + line.length;
    const fence = FENCE.exec(line);
    if (fence !== null && open === null) {
      const language = FENCE_LANGUAGES[(fence[2] ?? '').toLowerCase()];
      const fileName = language === undefined ? undefined : `fence.${EXTENSIONS[language]}`;
      open = {
        fence: fence[1] as string,
        bodyStart: Math.min(text.length, lineEnd + 1),
        ...(fileName === undefined ? {} : { fileName }),
      };
      sections.push({ start: cursor, end: open.bodyStart, kind: 'text' });
    } else if (open !== null && line.trim().startsWith(open.fence) && line.trim().replace(/[`~]/g, '') === '') {
      const body: RawSection = { start: open.bodyStart, end: Math.max(open.bodyStart, offset), kind: null };
      sections.push(open.fileName === undefined ? body : { ...body, fileName: open.fileName });
      cursor = Math.max(open.bodyStart, offset);
      open = null;
    }
    offset = lineEnd + 1;
  }
  if (sections.length === 0) return null;
  sections.push({ start: cursor, end: text.length, kind: 'text' });
  return sections;
}

/** Python tracebacks inside other output (a test log): each traceback is a `log` section. */
export function splitTracebacks(text: string): RawSection[] | null {
  const sections: RawSection[] = [];
  let cursor = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf(TRACEBACK_START, from);
    if (start < 0) break;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    // An indented traceback is quoted (a doctest in a docstring), not raised here.
    if (lineStart !== start) {
      from = start + TRACEBACK_START.length;
      continue;
    }
    const end = tracebackEnd(text, start);
    if (lineStart > cursor) sections.push({ start: cursor, end: lineStart, kind: null });
    sections.push({ start: lineStart, end, kind: 'log' });
    cursor = end;
    from = end;
  }
  if (sections.length === 0) return null;
  if (cursor < text.length) sections.push({ start: cursor, end: text.length, kind: null });
  return sections;
}

/** End of a traceback: past its indented frames, through the exception line that follows them. */
function tracebackEnd(text: string, start: number): number {
  let offset = text.indexOf('\n', start);
  if (offset < 0) return text.length;
  offset += 1;
  while (offset < text.length) {
    const next = text.indexOf('\n', offset);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(offset, lineEnd);
    const continues =
      /^\s/.test(line) ||
      line.length === 0 ||
      line.startsWith(TRACEBACK_START) ||
      line.startsWith('During handling') ||
      line.startsWith('The above exception');
    if (!continues) return Math.min(text.length, lineEnd + 1);
    offset = lineEnd + 1;
  }
  return text.length;
}

const EXTENSIONS: Record<CodeLanguage, string> = {
  python: 'py',
  javascript: 'js',
  typescript: 'ts',
  tsx: 'tsx',
  go: 'go',
  rust: 'rs',
  java: 'java',
  cpp: 'cpp',
  c: 'c',
};
