/**
 * Chooses the words to keep at a rate: the must-keep words first, then the best-scored others until
 * the kept characters reach `rate` of the text's word characters. Any scorer fits (the model, a
 * seeded random one in the bench), so they are compared at the same rate.
 */

/** What choosing needs for each word: its length, whether it must stay, and its score (higher keeps). */
export interface WordChoice {
  readonly lengths: readonly number[];
  readonly forced: readonly boolean[];
  readonly scores: readonly number[];
}

/**
 * Keep decisions for every word. Costs are characters plus one for the space before: the same ruler
 * for every scorer, and the result's tokens are counted afterwards. Ties go to the earlier word.
 */
export function chooseKeptWords(choice: WordChoice, rate: number): boolean[] {
  const { lengths, forced, scores } = choice;
  const cost = (index: number): number => (lengths[index] as number) + 1;
  let total = 0;
  let spent = 0;
  const keep = lengths.map((_, index) => {
    total += cost(index);
    if (forced[index] !== true) return false;
    spent += cost(index);
    return true;
  });
  const budget = rate * total;
  const ranked = [...keep.keys()]
    .filter((index) => !keep[index])
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  for (const index of ranked) {
    if (spent >= budget) break;
    if (spent + cost(index) > budget) continue;
    keep[index] = true;
    spent += cost(index);
  }
  return keep;
}
