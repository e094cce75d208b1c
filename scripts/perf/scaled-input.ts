/**
 * Real content scaled to a token count: a material's lines, its JSON array items, or its whole pieces
 * (where a cut one would stop being what it is: a source file, a diff, a test report, an HTML
 * page), taken in order and again from the start when they run out, until the input holds the
 * tokens asked for. A table keeps its header once, at the top. Deterministic: the same material and
 * size give the same bytes.
 */
import type { ContentKind } from '../../src/types.ts';
import type { TokenRuler } from '../../src/tokenize/token-ruler.ts';
import type { Material } from './perf-materials.ts';

/** One input of a size series. */
export interface ScaledInput {
  readonly text: string;
  /** Its exact token count. */
  readonly tokens: number;
}

function jsonItems(pieces: readonly string[]): unknown[] {
  const items: unknown[] = [];
  for (const piece of pieces) {
    try {
      const value: unknown = JSON.parse(piece);
      if (Array.isArray(value)) items.push(...value);
      else items.push(value);
    } catch {
      // A cut document (an agent's truncated output) is not an item to repeat.
    }
  }
  return items;
}

/** Takes units in a cycle until their counted tokens reach `target`; at least one. */
function takeCycling<T>(units: readonly T[], target: number, tokensOf: (unit: T) => number): T[] {
  if (units.length === 0) throw new Error('no material to scale');
  const taken: T[] = [];
  let tokens = 0;
  for (let at = 0; tokens < target || taken.length === 0; at = (at + 1) % units.length) {
    const unit = units[at] as T;
    taken.push(unit);
    tokens += tokensOf(unit);
  }
  return taken;
}

/** Kinds whose pieces are taken whole. */
const WHOLE_PIECES: readonly ContentKind[] = ['code', 'diff', 'html'];

/**
 * Whole pieces to about `target` tokens: cycling through them, each taken when it still fits in
 * 110% of the target, until 90% is reached or a whole cycle fits none; the smallest piece alone
 * when even that is larger.
 */
function takeWhole(pieces: readonly string[], target: number, ruler: TokenRuler): string[] {
  const counted = pieces.map((text) => ({ text, tokens: ruler.count(text) }));
  const smallest = counted.reduce((a, b) => (b.tokens < a.tokens ? b : a));
  if (smallest.tokens >= target) return [smallest.text];
  const taken: string[] = [];
  let tokens = 0;
  let misses = 0;
  for (let at = 0; tokens < 0.9 * target && misses < counted.length; at = (at + 1) % counted.length) {
    const piece = counted[at] as { text: string; tokens: number };
    if (tokens + piece.tokens > 1.1 * target) {
      misses++;
      continue;
    }
    misses = 0;
    taken.push(piece.text);
    tokens += piece.tokens;
  }
  return taken;
}

/** The material scaled to about `target` tokens. */
export function scaledInput(material: Material, target: number, ruler: TokenRuler): ScaledInput {
  let text: string;
  // A pytest report is text to detection, but a cut one is not a report.
  if (WHOLE_PIECES.includes(material.kind) || material.compressor.name === 'pytest') {
    text = takeWhole(material.pieces, target, ruler).join('\n');
  } else if (material.kind === 'json') {
    const items = jsonItems(material.pieces);
    // Pretty-printed, as tools print JSON; each item's tokens counted once (the ruler caches them).
    text = JSON.stringify(
      takeCycling(items, target, (item) => ruler.count(JSON.stringify(item, null, 2))),
      null,
      2,
    );
  } else {
    const lines = material.pieces.join('\n').split('\n');
    const [header, ...rows] = material.kind === 'table' ? lines : ['', ...lines];
    const body = takeCycling(rows, target, (line) => ruler.count(line) + 1);
    text = (material.kind === 'table' ? [header, ...body] : body).join('\n');
  }
  return { text, tokens: ruler.count(text) };
}
