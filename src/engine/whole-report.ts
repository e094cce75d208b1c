/**
 * The whole-report pass: a tool output in an agent's wrapper (mini-swe-agent's
 * `<returncode>1</returncode>\n<output>\n…</output>`) whose payload is one report (a pytest run, a
 * compiler's diagnostics, grep hits) is handed whole to the compressors that read that report,
 * before mixed splitting cuts it into text and code sections none of them would recognise. The
 * wrapper stays as it was; only the payload changes.
 */
import type { CompressResult, Compressor } from '../compressors/compressor.ts';
import { splitWrapped } from '../detect/split-sections.ts';
import { tokenSize } from '../tokenize/token-size.ts';
import type { ContentKind } from '../types.ts';
import type { BlockRouting } from './block-routing.ts';
import { runCompressor } from './run-compressor.ts';
import type { WorkBudget } from './work-budget.ts';

/** Compressors that recognise their whole report by its shape, and the kind each is handed it as. */
const REPORT_READERS: Readonly<Record<string, ContentKind>> = { pytest: 'log', diagnostics: 'log', search: 'search' };

/** A wrapped payload a report reader took whole: where it stands in the block, and what it became. */
export interface ReadReport {
  readonly start: number;
  readonly end: number;
  readonly compressor: string;
  readonly result: CompressResult;
}

/** The report readers the routing serves, in registry order. */
function readers(routing: BlockRouting): { compressor: Compressor; kind: ContentKind }[] {
  const seen = new Set<string>();
  const found: { compressor: Compressor; kind: ContentKind }[] = [];
  for (const list of Object.values(routing.registry)) {
    for (const compressor of list) {
      const kind = REPORT_READERS[compressor.name];
      if (kind === undefined || seen.has(compressor.name) || !compressor.kinds.includes(kind)) continue;
      seen.add(compressor.name);
      found.push({ compressor, kind });
    }
  }
  return found;
}

/** A payload compressed by the first reader that takes it, or null; 'over-budget' when the block's work limit ran out. */
function readPayload(
  body: string,
  toolName: string | undefined,
  routing: BlockRouting,
  budget: WorkBudget,
  markersForeign: boolean,
): { name: string; result: CompressResult } | null | 'over-budget' {
  for (const { compressor, kind } of readers(routing)) {
    if (!budget.spend(body.length)) return 'over-budget';
    const input = {
      text: body,
      kind,
      size: tokenSize(body, routing.context.ruler),
      ...(toolName ? { toolName } : {}),
      ...(markersForeign ? { markersForeign } : {}),
    };
    const run = runCompressor(compressor, input, routing.context);
    if (run.state === 'compressed') return { name: compressor.name, result: run.result };
  }
  return null;
}

/**
 * The wrapped payloads of a block a report reader takes whole (the head and tail of an output the
 * agent cut are each a payload), in order; the rest of the block goes the usual way.
 * `markersForeign`: as for compressBlock, no marker in the text is the session's own.
 */
export function readWholeReports(
  text: string,
  toolName: string | undefined,
  routing: BlockRouting,
  budget: WorkBudget,
  markersForeign = false,
): ReadReport[] | 'over-budget' {
  const sections = splitWrapped(text);
  const reports: ReadReport[] = [];
  for (const section of sections ?? []) {
    if (section.kind !== null) continue;
    const read = readPayload(text.slice(section.start, section.end), toolName, routing, budget, markersForeign);
    if (read === 'over-budget') return read;
    if (read !== null)
      reports.push({ start: section.start, end: section.end, compressor: `report:${read.name}`, result: read.result });
  }
  return reports;
}
