/**
 * Records one session: prepares a fresh work directory, runs every step for real, normalises the
 * outputs, builds the trace and derives its probes, and verifies every probe before anything is
 * written (answers present at their evidence turn, negatives absent from the whole trace).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { containsAnswer, normalizeForMatch } from '../../src/bench/answer-match.ts';
import { PROBE_KINDS, type Probe } from '../../src/bench/probe.ts';
import { SYSTEM_PROMPT, outputTurn, serialiseLines, traceLines } from './anthropic-trace.ts';
import { commandLine, runStep, workingDirectory } from './command-runner.ts';
import { SHOWN_ROOT, SHOWN_WORK, normalise, sortRuns } from './normalise.ts';
import { RecordingError } from './recording-error.ts';
import type { ProbeDraft, Session, StepOutput } from './session.ts';

/** One session, recorded: the bytes of both files and what they were made from. */
export interface Recording {
  readonly session: Session;
  readonly outputs: readonly StepOutput[];
  readonly probes: readonly Probe[];
  readonly traceText: string;
  readonly probesText: string;
}

/** One output over this many characters is a mistake in the session, not a realistic read. */
const MAX_OUTPUT_CHARS = 160_000;

function checkProbes(session: Session, outputs: readonly StepOutput[], drafts: readonly ProbeDraft[]): void {
  const whole = [
    SYSTEM_PROMPT,
    session.task,
    ...session.steps.map((s) => s.say),
    ...outputs.flatMap((o) => [o.command, o.text]),
  ].join('\n');
  for (const draft of drafts) {
    const output = outputs.find((o) => o.turn === draft.turn);
    if (output === undefined)
      throw new RecordingError(
        session.id,
        `probe "${draft.question}" points at turn ${draft.turn}, which holds no output`,
      );
    if (draft.kind === 'negative') {
      const present = draft.answers.find((answer) => whole.includes(answer));
      if (present !== undefined)
        throw new RecordingError(session.id, `negative answer ${JSON.stringify(present)} occurs in the trace`);
    } else if (
      draft.liveOnly !== true &&
      !draft.answers.some((answer) => containsAnswer(normalizeForMatch(output.text), answer))
    ) {
      // The bench matches whole tokens with white space folded; an answer cut mid-word would never score.
      throw new RecordingError(session.id, `no answer of "${draft.question}" is in turn ${draft.turn}`);
    }
  }
  for (const kind of PROBE_KINDS) {
    if (!drafts.some((d) => d.kind === kind)) throw new RecordingError(session.id, `no ${kind} probe`);
  }
  const lastTurn = outputTurn(outputs.length - 1);
  const turns = drafts.map((d) => d.turn);
  if (Math.min(...turns) > lastTurn / 3 || Math.max(...turns) < (2 * lastTurn) / 3) {
    throw new RecordingError(session.id, `evidence turns ${turns.join(',')} are not spread over 0..${lastTurn}`);
  }
}

function numberProbes(session: Session, drafts: readonly ProbeDraft[]): Probe[] {
  const seen = new Map<string, number>();
  return drafts.map((draft) => {
    const n = (seen.get(draft.kind) ?? 0) + 1;
    seen.set(draft.kind, n);
    const probe: Probe = {
      trace: session.id,
      id: `${session.id}/${draft.kind}-${n}`,
      question: draft.question,
      answers: draft.answers,
      kind: draft.kind,
      evidence: { turn: draft.turn },
    };
    return draft.liveOnly === true ? { ...probe, live_only: true } : probe;
  });
}

/** Runs the session's commands in `root` and returns its trace and probes, verified. */
export function recordSession(session: Session, root: string): Recording {
  const base = mkdtempSync(path.join(tmpdir(), 'terse-local-'));
  const work = path.join(base, 'work');
  mkdirSync(path.join(work, 'home'), { recursive: true });
  try {
    session.setup?.({ root, work });
    const place = { root, work, captureFile: path.join(base, 'capture.txt') };
    const outputs: StepOutput[] = session.steps.map((step, index) => {
      const raw = runStep(step, place);
      const text = sortRuns(normalise(raw.text, { root, work }, step.masks), step.sortRuns ?? []);
      if (text.length > MAX_OUTPUT_CHARS)
        throw new RecordingError(session.id, `step ${index} printed ${text.length} characters`);
      const leak = text.split('\n').find((line) => line.includes(base) || line.includes(root));
      if (leak !== undefined)
        throw new RecordingError(session.id, `step ${index} output still holds a machine path: ${leak}`);
      const shown = { root: SHOWN_ROOT, work: SHOWN_WORK };
      const previous = session.steps[index - 1];
      const previousDir = previous === undefined ? SHOWN_ROOT : workingDirectory(previous, shown);
      return { command: commandLine(step, shown, previousDir), text, exitCode: raw.exitCode, turn: outputTurn(index) };
    });
    const drafts = session.probes(outputs);
    checkProbes(session, outputs, drafts);
    const probes = numberProbes(session, drafts);
    return {
      session,
      outputs,
      probes,
      traceText: serialiseLines(traceLines(session, outputs)),
      probesText: probes.map((p) => JSON.stringify(p)).join('\n') + '\n',
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
