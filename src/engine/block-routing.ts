/** What routing one block needs: the compressors by kind, detection, the compress context and the limits. */
import type { SyntaxCheck } from '../compressors/code/syntax-verdict.ts';
import type { CompressContext } from '../compressors/compressor.ts';
import type { ContentKind } from '../types.ts';
import type { CompressorRegistry } from './compressor-registry.ts';
import type { EngineSetup } from './engine-session.ts';

/** What the router needs to know about content: a kind, a language for code, sections for mixed. */
export interface BlockDetection {
  readonly kind: ContentKind;
  readonly language?: string;
  readonly sections?: readonly {
    readonly kind: ContentKind;
    readonly language?: string;
    readonly start: number;
    readonly end: number;
  }[];
}

export type Detect = (text: string) => BlockDetection;

export interface BlockRouting {
  readonly registry: CompressorRegistry;
  readonly detect: Detect;
  readonly context: CompressContext;
  /** Characters a block may have compressors read (EngineOptions.workBudgetChars). */
  readonly workBudgetChars: number;
  /** Sections of mixed content smaller than this many tokens are left as they are. */
  readonly minSectionTokens: number;
  /** Judges every result for code: it must parse no worse than its input. */
  readonly checkSyntax: SyntaxCheck;
}

/** What the conversation around a block wrote: all of it, and its latest turn when known. */
export interface ConversationText {
  readonly conversation: string;
  readonly latest?: string;
}

/** The routing of `setup` for blocks written around `around`, detected with `detect` (the setup's by default). */
export function blockRouting(
  setup: EngineSetup,
  around: ConversationText,
  detect: Detect = setup.detect,
): BlockRouting {
  return {
    registry: setup.registry,
    detect,
    context: { profile: setup.options.profile, ruler: setup.ruler, ...around },
    workBudgetChars: setup.options.workBudgetChars,
    minSectionTokens: setup.options.minBlockTokens,
    checkSyntax: setup.checkSyntax,
  };
}
