/** Presents the text-model bench's rows as a markdown table (measuring lives in survival-run.ts). */
import type { SurvivalRow } from './survival-run.ts';

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

/** The comparison table, one row per contender and rate, and the lines that say how it was made. */
export function renderSurvivalTable(
  rows: readonly SurvivalRow[],
  context: { readonly coldLoadMs: number | null; readonly machine: string },
): string {
  const lines = [
    '| rate | contender | answer survives, question asked | answer survives, question-blind | tokens kept | ms / 512 tokens p50 | p95 |',
    '|---:|:---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.rate} | ${row.contender} | ${percent(row.survivedAsked, row.contexts)} | ${percent(row.survivedBlind, row.contexts)} | ${(100 * row.keptTokenShare).toFixed(1)}% | ${row.msPer512.p50.toFixed(2)} | ${row.msPer512.p95.toFixed(2)} |`,
    ),
  ];
  const contexts = rows[0]?.contexts ?? 0;
  lines.push(
    '',
    `${contexts} held-back lost-in-the-middle questions (never trained on), each in a context of ten passages, one per line.`,
    '*rate*: the share of word characters the text model and the seeded random drop keep (must-keep words on top);',
    'the extractive compressor keeps as many tokens as the model kept on the same context (its `(... omitted)` notes not counted).',
    '*tokens kept*: o200k_base tokens after over before, question asked, markers aside.',
    `Latency: compress time per 512 input tokens, question asked; ${context.machine}; text model cold load ${context.coldLoadMs === null ? 'not measured' : `${context.coldLoadMs.toFixed(0)} ms`}, apart.`,
  );
  return lines.join('\n');
}
