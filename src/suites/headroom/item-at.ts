/** Indexing that fails loudly: a generator that plants past the end of its own list has a bug. */

/** `items[index]`, or a RangeError naming `what` when the index is out of range. */
export function itemAt<T>(items: readonly T[], index: number, what: string): T {
  if (index < 0 || index >= items.length) throw new RangeError(`no ${what} at index ${index} (of ${items.length})`);
  return items[index] as T;
}
