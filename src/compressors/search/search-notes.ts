/** Tool notes between hits (`grep: x.mo: binary file matches`): repeats of one shape fold into a path set. */
import { formatPathSet } from './path-set.ts';

const PATHISH = /(?:[\w.@+~-]+\/)+[\w.@+~-]+/;

/** Folded notes, and how many of them stayed verbatim. */
export interface FoldedNotes {
  readonly lines: string[];
  readonly verbatim: number;
}

/** Notes that differ only in one path are written once with the paths as a set. */
export function foldNotes(notes: readonly string[]): FoldedNotes {
  const shapes = new Map<string, { first: string; paths: string[]; count: number }>();
  const order: string[] = [];
  for (const note of notes) {
    const path = PATHISH.exec(note)?.[0];
    const shape = path === undefined ? note : note.replace(path, '\u0000');
    let entry = shapes.get(shape);
    if (entry === undefined) {
      entry = { first: note, paths: [], count: 0 };
      shapes.set(shape, entry);
      order.push(shape);
    }
    entry.count += 1;
    if (path !== undefined) entry.paths.push(path);
  }
  const lines: string[] = [];
  let verbatim = 0;
  for (const shape of order) {
    const entry = shapes.get(shape);
    if (entry === undefined) continue;
    if (entry.count === 1) {
      lines.push(entry.first);
      verbatim += 1;
      continue;
    }
    if (entry.paths.length < entry.count) {
      lines.push(`${entry.first} (${entry.count} times)`);
      continue;
    }
    lines.push(`${shape.replace('\u0000', formatPathSet(entry.paths))} (${entry.paths.length} lines)`);
  }
  return { lines, verbatim };
}
