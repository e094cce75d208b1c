/** Word-level figures of keep scores against labels: accuracy at 0.5, precision, recall, F1, ROC AUC. */

/** How well scores separate the words labelled keep from the rest. */
export interface HeldBackMetrics {
  readonly words: number;
  /** Share of words labelled keep (what always answering "keep" gets right). */
  readonly keepShare: number;
  readonly accuracy: number;
  /** Accuracy of always answering the majority label: the floor a model must beat. */
  readonly majorityAccuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Probability that a random keep word outscores a random drop word. */
  readonly auc: number;
}

/** Figures for `scores` (in [0, 1]) against 0/1 `labels`. */
export function heldBackMetrics(scores: readonly number[], labels: readonly number[]): HeldBackMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  labels.forEach((label, index) => {
    const kept = (scores[index] as number) >= 0.5;
    if (kept && label === 1) tp += 1;
    if (kept && label === 0) fp += 1;
    if (!kept && label === 1) fn += 1;
    if (kept === (label === 1)) correct += 1;
  });
  const positives = tp + fn;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  return {
    words: labels.length,
    keepShare: positives / labels.length,
    accuracy: correct / labels.length,
    majorityAccuracy: Math.max(positives, labels.length - positives) / labels.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    auc: rocAuc(scores, labels),
  };
}

/** ROC AUC by ranks (ties share their mean rank). */
function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = [...scores.keys()].sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j += 1;
    for (let k = i; k <= j; k += 1) ranks[order[k] as number] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  const rankSum = labels.reduce((sum, label, index) => sum + (label === 1 ? (ranks[index] as number) : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
