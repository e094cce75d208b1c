/**
 * Where the markers of a compressed context sit, as a reader sees them: each marker's ref, what its
 * description says, the lines kept around it in the same block, and the positions it states it hides
 * (in its description, or in the `(... lines 13-24 omitted)` lines a compressor left before it).
 */
import { statedPositions, type PositionRange } from '../../retrieve/position-range.ts';
import { findMarkers } from '../../store/marker.ts';

/** One block of the context as sent: the text, and whether it is a tool output. */
export interface ContextBlock {
  readonly text: string;
  /** Index of the message holding the block; -1 for the system prompt and tool definitions. */
  readonly messageIndex: number;
}

/** A marker as the reader meets it. */
export interface MarkerSite {
  readonly ref: string;
  /** The marker descriptions of this ref in the block, joined. */
  readonly description: string;
  /** The block's text without its markers: what the compressor kept around them. */
  readonly kept: string;
  readonly lines: readonly PositionRange[];
  readonly items: readonly PositionRange[];
  /** Where the block sits: later blocks are the fresher ones. */
  readonly blockIndex: number;
  readonly messageIndex: number;
}

const GAP_LINE = /^\(\.\.\. lines? (\d+)(?:-(\d+))? omitted\)$/gm;

/**
 * Every (block, ref) pair of the context, in document order. What a marker keeps around it is the
 * text since the previous marker (or the block's start): compressors close what they kept of a
 * section with its marker, so in a block split into sections each marker gets its own section.
 */
export function markerSites(blocks: readonly ContextBlock[]): MarkerSite[] {
  const sites: MarkerSite[] = [];
  blocks.forEach((block, blockIndex) => {
    const markers = findMarkers(block.text);
    if (markers.length === 0) return;
    const byRef = new Map<
      string,
      { descriptions: string[]; kept: string[]; lines: PositionRange[]; items: PositionRange[] }
    >();
    let from = 0;
    for (const marker of markers) {
      const entry = byRef.get(marker.ref) ?? { descriptions: [], kept: [], lines: [], items: [] };
      byRef.set(marker.ref, entry);
      entry.descriptions.push(marker.description);
      const between = block.text.slice(from, marker.start);
      entry.kept.push(between);
      const stated = statedPositions(marker.description);
      entry.lines.push(...stated.lines);
      entry.items.push(...stated.items);
      // Gap lines before a marker, since the previous one, are what it holds.
      for (const gap of between.matchAll(GAP_LINE)) {
        const first = Number(gap[1]);
        entry.lines.push({ first, last: gap[2] === undefined ? first : Number(gap[2]) });
      }
      from = marker.end;
    }
    for (const [ref, entry] of byRef) {
      sites.push({
        ref,
        description: entry.descriptions.join(' | '),
        kept: entry.kept.join('\n'),
        lines: entry.lines,
        items: entry.items,
        blockIndex,
        messageIndex: block.messageIndex,
      });
    }
  });
  return sites;
}
