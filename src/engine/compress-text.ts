/** Compresses one piece of tool output outside any request (the `terse compress` command). */
import { detectContent } from '../detect/detect-content.ts';
import { measureOutcome, type BlockOutcome, type MeasuredBlockOutcome } from './block-outcome.ts';
import { blockRouting } from './block-routing.ts';
import { decideBlock } from './decide-block.ts';
import type { EngineSetup } from './engine-session.ts';
import { tokenSize } from '../tokenize/token-size.ts';

export interface TextHint {
  /** A file name whose extension hints the language of code. */
  readonly fileName?: string;
  /** What the conversation said around the block (identifiers there are kept). */
  readonly conversation?: string;
}

/** Routes the text like a tool result and stores what a lossy step dropped: the engine's work alone. */
export async function decideText(text: string, setup: EngineSetup, hint: TextHint = {}): Promise<BlockOutcome> {
  const detect = (t: string) => detectContent(t, hint.fileName ? { fileName: hint.fileName } : {});
  return decideBlock(
    text,
    undefined,
    tokenSize(text, setup.ruler),
    setup,
    blockRouting(setup, { conversation: hint.conversation ?? '' }, detect),
  );
}

/** `decideText`, and the compressed text's token count for the caller to report. */
export async function compressText(
  text: string,
  setup: EngineSetup,
  hint: TextHint = {},
): Promise<MeasuredBlockOutcome> {
  return measureOutcome(await decideText(text, setup, hint), text, setup.ruler);
}
