/** Reads probe files (JSONL, one probe a line) and checks them against their traces. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InvalidProbeError, PathError } from '../errors.ts';
import { PROBE_KINDS, type Probe, type ProbeKind } from './probe.ts';

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Validates one parsed line; the error names file, line and probe id. */
export function parseProbe(value: unknown, file: string, line: number): Probe {
  const fail = (reason: string, id: string | null = null): never => {
    throw new InvalidProbeError(file, line, id, reason);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not a JSON object');
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'string' && v.id !== '' ? v.id : fail('field id: missing or not a string');
  if (typeof v.trace !== 'string' || v.trace === '') fail('field trace: missing or not a string', id);
  if (typeof v.question !== 'string') fail('field question: missing or not a string', id);
  if (!isStringArray(v.answers) || v.answers.length === 0 || v.answers.some((a) => a.trim() === '')) {
    fail('field answers: must be a non-empty array of non-empty strings', id);
  }
  if (typeof v.kind !== 'string' || !(PROBE_KINDS as readonly string[]).includes(v.kind)) {
    fail(`field kind: must be one of ${PROBE_KINDS.join(', ')}`, id);
  }
  const evidence = v.evidence as Record<string, unknown> | undefined;
  if (
    typeof evidence !== 'object' ||
    evidence === null ||
    !Number.isInteger(evidence.turn) ||
    (evidence.turn as number) < 0
  ) {
    fail('field evidence.turn: must be a non-negative integer', id);
  }
  if (v.live_only !== undefined && typeof v.live_only !== 'boolean') fail('field live_only: must be a boolean', id);
  return {
    trace: v.trace as string,
    id,
    question: v.question as string,
    answers: v.answers as string[],
    kind: v.kind as ProbeKind,
    evidence: { turn: (evidence as { turn: number }).turn },
    ...(v.live_only === true ? { live_only: true } : {}),
  };
}

/** Reads a probes JSONL file line by line. */
export async function readProbes(file: string): Promise<Probe[]> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(new PathError(file, error.code === 'ENOENT' ? 'no such file or directory' : error.message)),
    );
  });
  await opened;
  const probes: Probe[] = [];
  const seen = new Set<string>();
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InvalidProbeError(file, line, null, `malformed JSON: ${(error as Error).message}`);
    }
    const probe = parseProbe(value, file, line);
    const key = `${probe.trace}\u0000${probe.id}`;
    if (seen.has(key)) throw new InvalidProbeError(file, line, probe.id, `duplicate probe id in trace ${probe.trace}`);
    seen.add(key);
    probes.push(probe);
  }
  if (probes.length === 0) throw new InvalidProbeError(file, null, null, 'no probes in file');
  return probes;
}
