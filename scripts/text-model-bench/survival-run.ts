/**
 * Measures the text-model bench: for each held-back NQ question, its ten-passage context compressed at
 * every rate, with the question in the conversation and without it, by the text model, by a seeded
 * random drop at the same rate, and by the extractive compressor at as many tokens as the model kept.
 * A row per contender and rate says how often an accepted answer survived, how many tokens were kept,
 * and how long compressing took per 512 tokens. Survival and kept tokens are deterministic; times are measured.
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

/** The contenders the bench compares: the model and random take a rate, the extractive one the model's kept-token share. */
export interface Contenders {
  readonly model: Contender;
  readonly random: Contender;
  readonly extractive: Contender;
}

interface Tally {
  survivedAsked: number;
  survivedBlind: number;
  kept: number;
  readonly ms: number[];
}

/** Every contender at every rate over `contexts`. */
export function measureSurvival(
  contexts: readonly NqContext[],
  contenders: Contenders,
  rates: readonly number[],
  ruler: TokenRuler,
): SurvivalRow[] {
  const rows: SurvivalRow[] = [];
  const before = contexts.map((context) => ruler.count(context.text));
  const total = before.reduce((sum, count) => sum + count, 0);
  for (const rate of rates) {
    const tallies = new Map<Contender, Tally>(
      [contenders.model, contenders.extractive, contenders.random].map((c) => [
        c,
        { survivedAsked: 0, survivedBlind: 0, kept: 0, ms: [] },
      ]),
    );
    contexts.forEach((context, index) => {
      const gold = context.passages[context.gold] as NqContext['passages'][number];
      const tokens = before[index] as number;
      for (const conversation of [gold.question, '']) {
        const asked = conversation !== '';
        const run = (contender: Contender, target: number): string => {
          const tally = tallies.get(contender) as Tally;
          const started = performance.now();
          const out = contender.compress(context.text, target, conversation, index);
          if (asked) tally.ms.push(((performance.now() - started) * 512) / tokens);
          if (answered(out, gold.answers)) tally[asked ? 'survivedAsked' : 'survivedBlind'] += 1;
          if (asked) tally.kept += ruler.count(out);
          return out;
        };
        const modelOut = run(contenders.model, rate);
        run(contenders.random, rate);
        run(contenders.extractive, ruler.count(modelOut) / tokens);
      }
    });
    for (const [contender, tally] of tallies) {
      const ms = [...tally.ms].sort((a, b) => a - b);
      rows.push({
        contender: contender.name,
        rate,
        contexts: contexts.length,
        survivedAsked: tally.survivedAsked,
        survivedBlind: tally.survivedBlind,
        keptTokenShare: tally.kept / total,
        msPer512: { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) },
      });
    }
  }
  return rows;
}
