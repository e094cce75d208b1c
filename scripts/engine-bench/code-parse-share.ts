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
import { canonicalFromBody } from '../../src/engine/canonical-request.ts';
import type { NamedSuiteBuild } from '../../src/engine/invariants/invariant-suites.ts';
import { createTokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { MergeCache } from './request-overhead.ts';
import { summarize, timeRuns, type RunPlan } from './sample-stats.ts';

/** Parse and count times of one piece of code, medians over the plan's runs. */
export interface CodeParseTime {
  readonly chars: number;
  readonly parseMs: number;
  readonly countMs: number;
}

interface CodePiece {
  readonly text: string;
  readonly language: string;
}

function codePieces(suite: NamedSuiteBuild): CodePiece[] {
  if (suite.build.state !== 'ready') return [];
  const seen = new Set<string>();
  const pieces: CodePiece[] = [];
  const add = (text: string, language: string | undefined): void => {
    if (language === undefined || grammarFor(language) === null || seen.has(text)) return;
    seen.add(text);
    pieces.push({ text, language });
  };
  for (const trace of suite.build.traces) {
    for (const request of requestsOf(trace)) {
      for (const part of canonicalFromBody(request.body, trace.header.provider).parts) {
        if (!part.compressible || seen.has(part.text)) continue;
        const detection = detectContent(part.text);
        if (detection.kind === 'code') add(part.text, detection.language);
        for (const section of detection.sections ?? []) {
          if (section.kind === 'code') add(part.text.slice(section.start, section.end), section.language);
        }
      }
    }
  }
  return pieces;
}

/** Parse-only and count-only times of every piece of code in `suite`'s requests. */
export async function measureCodeParse(suite: NamedSuiteBuild, plan: RunPlan, mergeCache: MergeCache): Promise<CodeParseTime[]> {
  const registry = createGrammarRegistry();
  await registry.prepare();
  const out: CodeParseTime[] = [];
  for (const { text, language } of codePieces(suite)) {
    const grammar = grammarFor(language);
    const lookup = grammar === null ? null : registry.parserFor(grammar);
    if (lookup === null || !lookup.ok) continue;
    const parse = await timeRuns(plan, () => null, () => lookup.parser.parse(text)?.delete());
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
