/**
 * The floor under the code compressor's cost: tree-sitter parsing a block once, with nothing else,
 * next to the ruler counting it once. Every code block (and code section of a mixed block) of a
 * suite's requests, deduplicated; each timed over the plan's runs, medians kept.
 */
import { clearMergeCache } from 'gpt-tokenizer/encoding/o200k_base';
import { requestsOf } from '../../src/bench/trace.ts';
import { grammarFor } from '../../src/compressors/code/code-languages.ts';
import { createGrammarRegistry } from '../../src/compressors/code/grammar-registry.ts';
import { detectContent } from '../../src/detect/detect-content.ts';
import { canonicalFromBody } from '../../src/engine/request/canonical-request.ts';
import type { NamedSuiteBuild } from '../../src/testkit/invariants/invariant-suites.ts';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { MergeCache } from './request-overhead.ts';
import { summarize, timeRuns, type RunPlan } from './sample-stats.ts';

/** Parse and count times of one piece of code, medians over the plan's runs. */
export interface CodeParseTime {
  readonly chars: number;
  readonly parseMs: number;
  readonly countMs: number;
}

export interface CodePiece {
  readonly text: string;
  readonly language: string;
}

/** The code in one block as detection sees it: the whole block, or its code sections. */
export function codePiecesOf(text: string): CodePiece[] {
  const detection = detectContent(text);
  const pieces: CodePiece[] =
    detection.kind === 'code' && detection.language !== undefined ? [{ text, language: detection.language }] : [];
  for (const section of detection.sections ?? []) {
    if (section.kind === 'code' && section.language !== undefined)
      pieces.push({ text: text.slice(section.start, section.end), language: section.language });
  }
  return pieces;
}

function codePieces(suite: NamedSuiteBuild): CodePiece[] {
  if (suite.build.state !== 'ready') return [];
  const seenParts = new Set<string>();
  const seenPieces = new Set<string>();
  const pieces: CodePiece[] = [];
  for (const trace of suite.build.traces) {
    for (const request of requestsOf(trace)) {
      for (const part of canonicalFromBody(request.body, trace.header.provider).parts) {
        if (!part.compressible || seenParts.has(part.text)) continue;
        seenParts.add(part.text);
        for (const piece of codePiecesOf(part.text)) {
          if (grammarFor(piece.language) === null || seenPieces.has(piece.text)) continue;
          seenPieces.add(piece.text);
          pieces.push(piece);
        }
      }
    }
  }
  return pieces;
}

/** Parse-only and count-only times of every piece of code in `suite`'s requests. */
export async function measureCodeParse(
  suite: NamedSuiteBuild,
  plan: RunPlan,
  mergeCache: MergeCache,
): Promise<CodeParseTime[]> {
  const registry = createGrammarRegistry();
  await registry.prepare();
  const out: CodeParseTime[] = [];
  for (const { text, language } of codePieces(suite)) {
    const grammar = grammarFor(language);
    const lookup = grammar === null ? null : registry.parserFor(grammar);
    if (lookup === null || !lookup.ok) continue;
    const parse = await timeRuns(
      plan,
      () => null,
      () => lookup.parser.parse(text)?.delete(),
    );
    const count = await timeRuns(
      plan,
      () => {
        if (mergeCache === 'cold') clearMergeCache();
        return createTokenRuler('o200k_base');
      },
      (ruler) => ruler.count(text),
    );
    out.push({ chars: text.length, parseMs: summarize(parse).p50, countMs: summarize(count).p50 });
  }
  return out;
}
