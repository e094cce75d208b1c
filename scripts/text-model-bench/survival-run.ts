/**
 * Measures the text-model bench: for each held-back NQ question, its ten-passage context compressed by
 * every contender at every rate, with the question in the conversation and without it; a row per
 * contender and rate says how often an accepted answer survived, how many tokens were kept, and how
 * long compressing took per 512 tokens. Survival and kept tokens are deterministic; times are measured.
 */
import { containsAnswer, normalizeForMatch } from '../../src/bench/answer-match.ts';
import type { TokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { NqContext } from '../text-model/nq-contexts.ts';
import type { Contender } from './contenders.ts';

/** One contender at one rate. */
export interface SurvivalRow {
  readonly contender: string;
  readonly rate: number;
  readonly contexts: number;
  /** Contexts whose answer survived, the question in the conversation. */
  readonly survivedAsked: number;
  /** The same, nothing in the conversation. */
  readonly survivedBlind: number;
  /** Tokens kept over tokens before, question asked, summed over contexts. */
  readonly keptTokenShare: number;
  /** Milliseconds per 512 tokens of input: median and 95th percentile over contexts. */
  readonly msPer512: { readonly p50: number; readonly p95: number };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

function answered(text: string, answers: readonly string[]): boolean {
  const haystack = normalizeForMatch(text);
  return answers.some((answer) => containsAnswer(haystack, answer));
}

/** Every contender at every rate over `contexts`. */
export function measureSurvival(contexts: readonly NqContext[], contenders: readonly Contender[], rates: readonly number[], ruler: TokenRuler): SurvivalRow[] {
  const rows: SurvivalRow[] = [];
  const before = contexts.map((context) => ruler.count(context.text));
  for (const rate of rates) {
    for (const contender of contenders) {
      let survivedAsked = 0;
      let survivedBlind = 0;
      let kept = 0;
      const perTokens: number[] = [];
      contexts.forEach((context, index) => {
        const gold = context.passages[context.gold] as NqContext['passages'][number];
        const started = performance.now();
        const asked = contender.compress(context.text, rate, gold.question, index);
        perTokens.push(((performance.now() - started) * 512) / (before[index] as number));
        const blind = contender.compress(context.text, rate, '', index);
        if (answered(asked, gold.answers)) survivedAsked += 1;
        if (answered(blind, gold.answers)) survivedBlind += 1;
        kept += ruler.count(asked);
      });
      perTokens.sort((a, b) => a - b);
      const total = before.reduce((sum, count) => sum + count, 0);
      rows.push({ contender: contender.name, rate, contexts: contexts.length, survivedAsked, survivedBlind, keptTokenShare: kept / total, msPer512: { p50: quantile(perTokens, 0.5), p95: quantile(perTokens, 0.95) } });
    }
  }
  return rows;
}
