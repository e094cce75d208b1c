/** The router for one stretch of text: every detector scores it, the most confident kind wins. */
import type { DetectHint, Detector, Sample, SectionKind } from './detection.ts';
import { codeDetector, withoutLineNumbers } from './detect-code.ts';
import { diffDetector } from './detect-diff.ts';
import { htmlDetector } from './detect-html.ts';
import { jsonDetector } from './detect-json.ts';
import { logDetector } from './detect-log.ts';
import { searchDetector } from './detect-search.ts';
import { tableDetector } from './detect-table.ts';
import { textDetector } from './detect-text.ts';
import { guessLanguage, languageOfFileName } from './code-language.ts';
import { nonBlank } from './sample.ts';

/** Every single-kind detector; the registry fails to compile when a kind lacks one. */
export const DETECTORS: Record<SectionKind, Detector> = {
  json: jsonDetector,
  diff: diffDetector,
  html: htmlDetector,
  search: searchDetector,
  log: logDetector,
  table: tableDetector,
  code: codeDetector,
  text: textDetector,
};

const HINTED_KINDS: Record<string, SectionKind> = {
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  html: 'html',
  htm: 'html',
  csv: 'table',
  tsv: 'table',
  diff: 'diff',
  patch: 'diff',
  log: 'log',
  md: 'text',
  txt: 'text',
  rst: 'text',
};
const HINT_BOOST = 0.15;

/** A kind (and language for code) for text that is taken as one piece. */
export interface SingleDetection {
  readonly kind: SectionKind;
  readonly language?: string;
  readonly confidence: number;
}

function hintedKind(fileName: string | undefined): SectionKind | null {
  if (fileName === undefined) return null;
  if (languageOfFileName(fileName) !== null) return 'code';
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (HINTED_KINDS[fileName.slice(dot + 1).toLowerCase()] ?? null);
}

/** Scores every detector on the sample and returns the winner; ties go to the earlier, stricter kind. */
export function detectSingle(sample: Sample, hint: DetectHint = {}): SingleDetection {
  const boosted = hintedKind(hint.fileName);
  let best: SectionKind = 'text';
  let bestScore = -1;
  for (const detector of Object.values(DETECTORS)) {
    const boost = detector.kind === boosted ? HINT_BOOST : 0;
    // Only a higher score wins: a detector whose ceiling is no higher cannot change the answer.
    if (detector.ceiling + boost <= bestScore) continue;
    // A boosted score is the raw one plus the boost: the router then needs it exact.
    let score = detector.score(sample, boost > 0 ? -Infinity : bestScore);
    if (boost > 0 && score > 0.2) score += boost;
    if (score > bestScore) {
      best = detector.kind;
      bestScore = score;
    }
  }
  if (best !== 'code') return { kind: best, confidence: bestScore };
  const lines = withoutLineNumbers(nonBlank(sample.lines));
  return { kind: 'code', language: guessLanguage(lines, hint.fileName), confidence: bestScore };
}
