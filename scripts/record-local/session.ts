/** What a recorded `local` session is made of: the steps an agent takes and the probes read off them. */
import type { ProbeKind } from '../../src/bench/probe.ts';
import type { Workload } from '../../src/bench/trace.ts';

/** The tools a step may run; each resolves to a fixed executable (see command-runner.ts). */
export type ToolName = 'rg' | 'node' | 'tsc' | 'npm' | 'git' | 'cat' | 'head' | 'sed' | 'wc' | 'ls' | 'find' | 'sort';

/** A time- or machine-dependent pattern and what it is replaced with, so re-recording gives the same bytes. */
export interface Mask {
  readonly pattern: RegExp;
  readonly replacement: string;
}

/** One agent step: a short thought and one bash command with a fixed argument list. */
export interface Step {
  /** What the assistant says before running the command. */
  readonly say: string;
  readonly tool: ToolName;
  /** Fixed arguments; `{root}` and `{work}` stand for the repository root and the work directory. */
  readonly args: readonly string[];
  /** Where the command runs: the repository root (shown as /repo), or the work dir or a folder in it. @default "root" */
  readonly cwd?: 'root' | 'work' | `work/${string}`;
  /** Extra environment for this step only (e.g. fixed git dates). */
  readonly env?: Readonly<Record<string, string>>;
  /** Masks applied to this step's output after paths are normalised. */
  readonly masks?: readonly Mask[];
  /** Lines a tool logs from concurrent work in any order: each run of adjacent matching lines is sorted. */
  readonly sortRuns?: readonly RegExp[];
}

/** A step's output as the agent saw it, already normalised. */
export interface StepOutput {
  /** The command line as shown in the tool call. */
  readonly command: string;
  /** stdout and stderr interleaved as written, normalised. */
  readonly text: string;
  readonly exitCode: number;
  /** Index of the message that carries this output (0-based, the user task is 0). */
  readonly turn: number;
}

/** A probe as a session derives it from its outputs, before it is numbered and verified. */
export interface ProbeDraft {
  readonly kind: ProbeKind;
  readonly question: string;
  readonly answers: readonly string[];
  readonly turn: number;
  readonly liveOnly?: boolean;
}

/** Files a session writes into its work directory before its steps run. */
export interface WorkSetup {
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Absolute path of the session's fresh work directory. */
  readonly work: string;
}

/** A scripted agent session over real third-party code. */
export interface Session {
  readonly id: string;
  readonly workload: Exclude<Workload, 'other'>;
  /** The user's task, the first message. */
  readonly task: string;
  /** Prepares the work directory (copies, broken files, test files). */
  readonly setup?: (dirs: WorkSetup) => void;
  readonly steps: readonly Step[];
  /** Probes derived by code from the normalised outputs. */
  readonly probes: (outputs: readonly StepOutput[]) => readonly ProbeDraft[];
}
