/** Rounds to a fixed number of decimals, so the JSON carries no float noise. */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  // -0 would print as 0 in JSON but fails strict equality checks in callers.
  return rounded === 0 ? 0 : rounded;
}
