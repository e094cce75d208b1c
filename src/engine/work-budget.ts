/**
 * The engine's limit on the work one block may cost, counted in characters read rather than timed:
 * the same block meets the same limit on an idle machine and on a busy one (DESIGN invariant 3).
 */

/** Characters a block may still have read; `spend` says whether a step of `chars` still fits. */
export interface WorkBudget {
  /** Spends `chars` when they fit in what is left, and says whether they did (nothing is spent when not). */
  spend(chars: number): boolean;
}

/** A budget of `chars` characters. */
export function workBudget(chars: number): WorkBudget {
  let left = chars;
  return {
    spend(cost) {
      if (cost > left) return false;
      left -= cost;
      return true;
    },
  };
}
