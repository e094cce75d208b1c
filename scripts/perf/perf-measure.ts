/**
 * Measures, with tinybench, at each input size: a no-op (the harness's floor), the limits (counting
 * each input's tokens with the ruler, JSON.parse of the JSON input, tree-sitter parsing the code
 * input), and every compressor on its own real input. Returns plain rows; nothing here prints.
 * Each compressor call gets a fresh ruler, so its own counting is measured, not a count cache; the
 * BPE merge cache stays as earlier iterations left it (warm), for the limits as for the compressors.
 */
import { Bench, type Statistics } from 'tinybench';
import { grammarFor } from '../../src/compressors/code/code-languages.ts';
import { createGrammarRegistry } from '../../src/compressors/code/grammar-registry.ts';
import { createTokenRuler, type TokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { Material } from './perf-materials.ts';
import { scaledInput, type ScaledInput } from './scaled-input.ts';

/** What a row measured: the harness alone, a limit, or a compressor. */
export type PerfGroup = 'baseline' | 'limit' | 'compressor';

/** One task at one size. */
export interface PerfRow {
  readonly task: string;
  readonly group: PerfGroup;
  /** The material the input came from (a compressor's name); empty for the no-op. */
  readonly input: string;
  /** The size asked for, in tokens. */
  readonly size: number;
  /** The input's exact token count. */
  readonly tokens: number;
  readonly chars: number;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  /** For a compressor: tokens after, or null when it passed the input (returned null). */
  readonly tokensAfter: number | null;
}

/** Sizes in tokens, 1k to 1M. */
export const PERF_SIZES: readonly number[] = [1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000];

/** Samples per task by size: many where a call is short, a few where it takes a second. */
function planFor(size: number): { time: number; iterations: number; warmupIterations: number } {
  if (size <= 3_000) return { time: 300, iterations: 100, warmupIterations: 10 };
  if (size <= 30_000) return { time: 300, iterations: 30, warmupIterations: 3 };
  if (size <= 300_000) return { time: 0, iterations: 10, warmupIterations: 1 };
  return { time: 0, iterations: 5, warmupIterations: 1 };
}

interface SizedTask {
  readonly task: string;
  readonly group: PerfGroup;
  readonly input: string;
  readonly scaled: ScaledInput | null;
  readonly run: () => unknown;
  readonly tokensAfter?: number | null;
}

function stats(latency: Statistics): Pick<PerfRow, 'samples' | 'p50Ms' | 'p99Ms' | 'meanMs'> {
  return { samples: latency.samplesCount, p50Ms: latency.p50, p99Ms: latency.p99, meanMs: latency.mean };
}

/** Times every task of one size; a task that throws is reported by tinybench and stops the run. */
async function measureSize(size: number, tasks: readonly SizedTask[]): Promise<PerfRow[]> {
  const plan = planFor(size);
  const bench = new Bench({ ...plan, warmupTime: 0, throws: true, name: `${size} tokens` });
  for (const task of tasks) bench.add(`${task.task} | ${task.input}`, task.run);
  await bench.run();
  return tasks.map((task, at) => {
    const result = bench.tasks[at]?.result;
    if (result === undefined || result.state !== 'completed')
      throw new Error(`${task.task} at ${size} tokens did not complete (${result?.state ?? 'no result'})`);
    return {
      task: task.task,
      group: task.group,
      input: task.input,
      size,
      tokens: task.scaled?.tokens ?? 0,
      chars: task.scaled?.text.length ?? 0,
      ...stats(result.latency),
      tokensAfter: task.tokensAfter ?? null,
    };
  });
}

/** The compressor's output size once, outside the timed runs. */
function outcomeOf(material: Material, input: ScaledInput, ruler: TokenRuler): number | null {
  const result = material.compressor.compress(inputOf(material, input), {
    profile: 'balanced',
    ruler,
    conversation: '',
  });
  return result === null ? null : ruler.count(result.text);
}

function inputOf(material: Material, input: ScaledInput) {
  return { text: input.text, kind: material.kind, ...(material.language ? { language: material.language } : {}) };
}

/** Every row of the run, size by size; `onSize` hears of each size as it finishes. */
export async function measurePerf(
  materials: ReadonlyMap<string, Material>,
  sizes: readonly number[],
  onSize: (size: number) => void = () => undefined,
): Promise<PerfRow[]> {
  const ruler = createTokenRuler('o200k_base');
  const code = materials.get('code');
  const grammar = code?.language === undefined ? null : grammarFor(code.language);
  const grammars = createGrammarRegistry();
  if (grammar !== null) await grammars.prepare([grammar]);
  const rows: PerfRow[] = [];
  for (const size of sizes) {
    const inputs = new Map([...materials].map(([name, material]) => [name, scaledInput(material, size, ruler)]));
    const tasks: SizedTask[] = [{ task: 'noop', group: 'baseline', input: '', scaled: null, run: () => undefined }];
    for (const [name, input] of inputs)
      tasks.push({
        task: 'count',
        group: 'limit',
        input: name,
        scaled: input,
        run: () => createTokenRuler('o200k_base').count(input.text),
      });
    const json = inputs.get('json');
    if (json !== undefined)
      tasks.push({ task: 'JSON.parse', group: 'limit', input: 'json', scaled: json, run: () => JSON.parse(json.text) });
    const codeInput = inputs.get('code');
    const parser = grammar === null ? null : grammars.parserFor(grammar);
    if (codeInput !== undefined && parser?.ok === true) {
      tasks.push({
        task: 'tree-sitter parse',
        group: 'limit',
        input: 'code',
        scaled: codeInput,
        run: () => parser.parser.parse(codeInput.text)?.delete(),
      });
    }
    for (const [name, material] of materials) {
      const input = inputs.get(name) as ScaledInput;
      const compressInput = inputOf(material, input);
      tasks.push({
        task: name,
        group: 'compressor',
        input: name,
        scaled: input,
        tokensAfter: outcomeOf(material, input, createTokenRuler('o200k_base')),
        run: () =>
          material.compressor.compress(compressInput, {
            profile: 'balanced',
            ruler: createTokenRuler('o200k_base'),
            conversation: '',
          }),
      });
    }
    rows.push(...(await measureSize(size, tasks)));
    onSize(size);
  }
  return rows;
}
