/**
 * The pip compressor: what `pip install` prints, with each run of requirements already satisfied
 * written as one line per site-packages path (every requirement with its version, the `(from ...)`
 * that pulled it in left to the marker) and each build step's `started` line dropped where the next
 * line says it finished. Every other line (what was installed, uninstalled, built, every warning and
 * error) stays as printed, in place.
 *
 *   Requirement already satisfied in /opt/conda/lib/python3.9/site-packages: Jinja2<3.0 (2.11.3), Pygments>=2.0 (2.18.0), ...
 *
 * Lossless returns null: the rewrite leaves a marker holding the output as printed.
 */
import {
  lossyProfileFor,
  type CompressContext,
  type CompressInput,
  type CompressResult,
  type Compressor,
} from '../compressor.ts';
import { rewrittenAs } from '../lossy-result.ts';
import { isAnsweredStart, satisfiedRequirement, type SatisfiedRequirement } from './pip-report.ts';

/** A run needs this many requirements before it is written as one line. */
const MIN_RUN = 3;
/** The rewrite must save this many tokens: the marker, and a retrieval a reader may need, cost some. */
const MIN_SAVED_TOKENS = 30;

/** `Requirement already satisfied in PATH: spec (version), ...` for a run found in one path. */
function runLine(run: readonly SatisfiedRequirement[]): string {
  const first = run[0] as SatisfiedRequirement;
  return `Requirement already satisfied in ${first.path}: ${run.map((r) => `${r.spec} (${r.version})`).join(', ')}`;
}

function compressPip(input: CompressInput, context: CompressContext): CompressResult | null {
  if (lossyProfileFor(input, context) === null) return null;
  if (!input.text.includes('Requirement already satisfied: ')) return null;
  const lines = input.text.split('\n');
  const out: string[] = [];
  let folded = 0;
  let requirements = 0;
  let steps = 0;
  let line = 0;
  while (line < lines.length) {
    const run: SatisfiedRequirement[] = [];
    for (let next = line; next < lines.length; next += 1) {
      const requirement = satisfiedRequirement(lines[next] as string, next);
      if (requirement === null || (run.length > 0 && requirement.path !== (run[0] as SatisfiedRequirement).path)) break;
      run.push(requirement);
    }
    if (run.length >= MIN_RUN) {
      out.push(runLine(run));
      folded += 1;
      requirements += run.length;
      line += run.length;
    } else if (isAnsweredStart(lines, line)) {
      steps += 1;
      line += 1;
    } else {
      out.push(lines[line] as string);
      line += 1;
    }
  }
  if (folded === 0) return null;
  const said = `${requirements} requirements already satisfied written in ${folded} ${folded === 1 ? 'line' : 'lines'}${steps > 0 ? `, ${steps} started steps that finished` : ''}`;
  // The empty line splitting leaves after a last newline is no line of the output.
  const body = input.text.endsWith('\n') ? out.slice(0, -1) : out;
  return rewrittenAs(input, body, `${said}; the ref holds the output as printed`, context.ruler, MIN_SAVED_TOKENS);
}

/** `pip install` output: requirements already satisfied one line per path, answered build steps once. */
export const pipCompressor: Compressor = {
  name: 'pip',
  kinds: ['text'],
  compress: compressPip,
};
