/** `detectContent`: the kind of a block from its bytes, split into sections when it is mixed. */
import type { DetectHint, Detection, DetectedSection } from './detection.ts';
import { languageOfFileName } from './code-language.ts';
import { detectSingle } from './detect-single.ts';
import { forgetJsonScan } from './json-scan-memo.ts';
import { sampleText } from './sample.ts';
import { splitFileHeaders } from './split-file-headers.ts';
import { splitJsonLead } from './split-json-lead.ts';
import { splitNumberedView } from './split-numbered-view.ts';
import { splitFenced, splitTracebacks, splitWrapped, type RawSection } from './split-sections.ts';
import { isBlank } from './whitespace.ts';

// Splitting scans the whole text; past this size a block is judged from its sample alone.
const MAX_SPLIT_CHARS = 4_000_000;
const BINARY_SHARE = 0.1;
// More parts than this is no document an agent reads section by section: judge it whole.
const MAX_SECTIONS = 2_000;

/**
 * Decides a block's kind (never throws: anything unreadable is `text`). A block given with a source
 * file's name (`terse compress parser.rs`) is that file: code in the language its extension names,
 * whatever its lines look like (Java's long files read as TypeScript by their cues alone).
 */
export function detectContent(text: string, hint: DetectHint = {}): Detection {
  try {
    const named = hint.fileName === undefined ? null : languageOfFileName(hint.fileName);
    if (named !== null && !isBlank(text) && !looksBinary(text)) return { kind: 'code', language: named };
    return detect(text, hint);
  } catch {
    return { kind: 'text' };
  } finally {
    forgetJsonScan();
  }
}

function detect(text: string, hint: DetectHint): Detection {
  if (isBlank(text) || looksBinary(text)) return { kind: 'text' };
  if (text.length <= MAX_SPLIT_CHARS) {
    const split =
      splitWrapped(text) ??
      splitFileHeaders(text) ??
      splitJsonLead(text) ??
      splitFenced(text) ??
      splitNumberedView(text);
    if (split !== null && split.length <= MAX_SECTIONS) return fromSections(text, split, hint);
  }
  const single = detectSingle(sampleText(text), hint);
  if (single.kind !== 'log' && text.length <= MAX_SPLIT_CHARS) {
    const tracebacks = splitTracebacks(text);
    if (tracebacks !== null && tracebacks.length <= MAX_SECTIONS) return fromSections(text, tracebacks, hint);
  }
  return single.language === undefined ? { kind: single.kind } : { kind: single.kind, language: single.language };
}

/** Control characters (NUL, replacement chars) in the head mean bytes that are not text. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 4_000);
  let odd = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) odd += 1;
  }
  return odd > BINARY_SHARE * head.length;
}

/**
 * A text section as it came, or with the numbered file windows it holds split out: a window in prose
 * between fences (SWE-agent's demonstration quotes its own file views) is code all the same.
 */
function windowsIn(text: string, section: RawSection): RawSection[] {
  if (section.kind !== 'text') return [section];
  const windows = splitNumberedView(text.slice(section.start, section.end));
  if (windows === null) return [section];
  return windows.map((w) => ({ ...w, start: w.start + section.start, end: w.end + section.start }));
}

/** Detects each undecided section, flattens nested mixes, merges neighbours of one kind. */
function fromSections(text: string, raw: readonly RawSection[], hint: DetectHint): Detection {
  const decided: DetectedSection[] = [];
  for (const section of raw.flatMap((s) => windowsIn(text, s))) {
    if (section.end <= section.start) continue;
    if (section.kind !== null) {
      decided.push({ kind: section.kind, start: section.start, end: section.end });
      continue;
    }
    const body = text.slice(section.start, section.end);
    const inner = isBlank(body)
      ? { kind: 'text' as const }
      : detect(body, section.fileName === undefined ? hint : { fileName: section.fileName });
    if (inner.kind === 'mixed') {
      for (const part of inner.sections ?? [])
        decided.push({ ...part, start: part.start + section.start, end: part.end + section.start });
    } else {
      decided.push(
        inner.language === undefined
          ? { kind: inner.kind, start: section.start, end: section.end }
          : { kind: inner.kind, language: inner.language, start: section.start, end: section.end },
      );
    }
  }
  const merged: DetectedSection[] = [];
  for (const section of decided) {
    const last = merged[merged.length - 1];
    if (
      last !== undefined &&
      last.kind === section.kind &&
      last.language === section.language &&
      last.end === section.start
    ) {
      merged[merged.length - 1] = { ...last, end: section.end };
    } else merged.push(section);
  }
  const only = merged[0];
  if (only === undefined) return { kind: 'text' };
  if (merged.length === 1)
    return only.language === undefined ? { kind: only.kind } : { kind: only.kind, language: only.language };
  return { kind: 'mixed', sections: merged };
}
