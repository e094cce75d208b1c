/**
 * The lost-in-the-middle NaturalQuestions passages (../shared/corpus/lost-in-the-middle), split once
 * for everything that reads them: every fifth question is held back (the bench and the model's
 * accuracy figures use only those; training never sees them). A context is ten passages, one per
 * line, as the paper lays them out: `Document [3](Title: ...) text`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom, seededShuffle } from './seeded-shuffle.ts';

/** One question with its gold passage. */
export interface NqPassage {
  readonly index: number;
  readonly question: string;
  readonly answers: readonly string[];
  readonly title: string;
  readonly text: string;
}

/** Ten passages, one per line; `passages[i]` is on line i. */
export interface NqContext {
  readonly text: string;
  readonly passages: readonly NqPassage[];
  /** Which line holds the passage that answers `passages[gold].question`. */
  readonly gold: number;
}

export const DOCUMENTS_PER_CONTEXT = 10;

/** The file, under the shared folder. */
export function nqFile(sharedDir: string): string {
  return path.join(sharedDir, 'corpus', 'lost-in-the-middle', 'nq-open-oracle.jsonl');
}

/** True for the questions held back from training. */
export function isHeldOut(passage: NqPassage): boolean {
  return passage.index % 5 === 0;
}

/** Every question of the file, or none when the shared folder is absent. */
export function readNqPassages(sharedDir: string): NqPassage[] {
  const file = nqFile(sharedDir);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const row = JSON.parse(line) as { question: string; answers: string[]; ctxs: { title: string; text: string }[] };
      const gold = row.ctxs[0] as { title: string; text: string };
      return { index, question: row.question, answers: row.answers, title: gold.title, text: gold.text };
    });
}

/** A passage as its context line shows it. */
export function documentLine(passage: NqPassage, position: number): string {
  return `Document [${position + 1}](Title: ${passage.title}) ${passage.text.replace(/\s*\n\s*/g, ' ')}`;
}

/** One context per passage of `pool` (its gold, at a seeded line), the other nine drawn from the pool. */
export function contextsFor(pool: readonly NqPassage[], seed: number): NqContext[] {
  const random = seededRandom(seed);
  return pool.map((gold) => {
    const others = seededShuffle(
      pool.filter((passage) => passage !== gold),
      random,
    ).slice(0, DOCUMENTS_PER_CONTEXT - 1);
    const at = Math.floor(random() * DOCUMENTS_PER_CONTEXT);
    const passages = [...others.slice(0, at), gold, ...others.slice(at)];
    return { text: passages.map(documentLine).join('\n'), passages, gold: at };
  });
}

/** The pool cut into contexts of ten, in a seeded order (each passage on exactly one line). */
export function packedContexts(pool: readonly NqPassage[], seed: number): NqContext[] {
  const order = seededShuffle(pool, seededRandom(seed));
  const contexts: NqContext[] = [];
  for (let at = 0; at + DOCUMENTS_PER_CONTEXT <= order.length; at += DOCUMENTS_PER_CONTEXT) {
    const passages = order.slice(at, at + DOCUMENTS_PER_CONTEXT);
    contexts.push({ text: passages.map(documentLine).join('\n'), passages, gold: 0 });
  }
  return contexts;
}
