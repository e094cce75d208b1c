/**
 * Real inputs for the compressor conformance suite (test-only), by the kind a compressor is handed:
 * every compressible block of the headroom, local and corpus suites as detection splits it (each
 * section with its kind and language, as the engine routes it), and real source files of every
 * language for `code`, and the pytest sessions, `ls -l` and one-name-a-line listings, pip install
 * reports and Python tracebacks among the blocks, `git log` of this repository's own history, and a
 * verbose unittest run of Python's own json tests. A deterministic spread of at most `perKind` inputs of each kind.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { detectContent } from '../../detect/detect-content.ts';
import { headroomSuite, localSuite, specSuites, type NamedSuiteBuild } from '../invariants/invariant-suites.ts';
import { suiteBlocks } from '../invariants/suite-blocks.ts';
import type { ContentKind } from '../../types.ts';
import { fixtureFiles, sourceFilesUnder, type SourceFile } from '../code/real-source-files.ts';
import { systemSourceFiles } from '../code/system-source-files.ts';
import { listingEntries } from '../../compressors/listing/long-listing.ts';
import { readNameListing } from '../../compressors/listing/name-listing.ts';

/** One real input: where it comes from, its text, and what the engine would call it. */
export interface RealInput {
  readonly id: string;
  readonly text: string;
  readonly kind: ContentKind;
  readonly language?: string;
  /** What the conversation said around it (empty for source files). */
  readonly conversation: string;
}

/** The inputs, and the suites that could not be read (with why). */
export interface RealInputs {
  readonly inputs: readonly RealInput[];
  readonly skipped: readonly string[];
}

/** The line pytest opens a session with. */
const PYTEST_SESSION = /^=+ test session starts =+$/m;
const PYTHON_TRACEBACK = 'Traceback (most recent call last):';
/** What a pip install report says of each requirement it found installed. */
const PIP_SATISFIED = 'Requirement already satisfied: ';
/** A block with this many `ls -l` lines is a listing. */
const MIN_LISTING_ENTRIES = 6;
/** Source files this long and longer are left out: a few of them would take the suite's whole time. */
const MAX_SOURCE_CHARS = 60_000;

/** Every n-th item, at most `most` of them, always from the first. */
function spread<T>(items: readonly T[], most: number): T[] {
  const step = Math.max(1, Math.ceil(items.length / most));
  return items.filter((_, index) => index % step === 0);
}

function suiteInputs(suites: readonly NamedSuiteBuild[]): RealInput[] {
  const out: RealInput[] = [];
  for (const { name, build } of suites) {
    if (build.state !== 'ready') continue;
    for (const block of suiteBlocks(name, build.traces)) {
      const detection = detectContent(block.text);
      const sections = detection.sections ?? [
        { kind: detection.kind, language: detection.language, start: 0, end: block.text.length },
      ];
      for (const [index, section] of sections.entries()) {
        const text = block.text.slice(section.start, section.end);
        const language = section.language === undefined ? {} : { language: section.language };
        out.push({
          id: `${name}/${block.trace}/${block.path}${sections.length > 1 ? `#${index}` : ''}`,
          text,
          kind: section.kind,
          ...language,
          conversation: block.conversation,
        });
      }
    }
  }
  return out;
}

function sourceInputs(set: string, files: readonly SourceFile[], perLanguage: number): RealInput[] {
  const languages = [...new Set(files.map((file) => file.language))].sort();
  return languages
    .flatMap((language) =>
      spread(
        files.filter((file) => file.language === language && file.text.length < MAX_SOURCE_CHARS),
        perLanguage,
      ),
    )
    .map((file) => ({
      id: `${set}/${file.name}`,
      text: file.text,
      kind: 'code' as const,
      language: file.language,
      conversation: '',
    }));
}

/** Commits a history needs before its logs are inputs: a shallow clone holds one. */
const MIN_HISTORY = 20;

/** `git log` of the project's own history, plain and with `--stat`; none (and why) in a shallow clone. */
function gitLogInputs(projectRoot: string): { inputs: RealInput[]; skipped: string[] } {
  const git = (...args: string[]): string => {
    const run = spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
    return run.status === 0 ? run.stdout : '';
  };
  const commits = Number(git('rev-list', '--count', 'HEAD').trim() || '0');
  if (commits < MIN_HISTORY)
    return {
      inputs: [],
      skipped: [`git log: this repository's history holds ${commits} commits, under ${MIN_HISTORY}`],
    };
  const logs = { 'git/log': git('log', '-60'), 'git/log-stat': git('log', '-20', '--stat') };
  return {
    inputs: Object.entries(logs).map(([id, text]) => ({ id, text, kind: 'text' as const, conversation: '' })),
    skipped: [],
  };
}

/** `python3 -m unittest -v test.test_json`, Debian's Python running its own tests; none (and why) without them. */
function verboseTestRunInputs(): { inputs: RealInput[]; skipped: string[] } {
  const run = spawnSync('/usr/bin/python3', ['-m', 'unittest', '-v', 'test.test_json'], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const text = run.error === undefined ? `${run.stdout}${run.stderr}` : '';
  if (!/^Ran \d+ tests/m.test(text))
    return {
      inputs: [],
      skipped: ['unittest -v: /usr/bin/python3 has no test.test_json (Debian: libpython3.11-testsuite)'],
    };
  return { inputs: [{ id: 'python/unittest-v-test_json', text, kind: 'text', conversation: '' }], skipped: [] };
}

/** Each text once, in order (the first occurrence wins). */
function unique(inputs: readonly RealInput[]): RealInput[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const hash = createHash('sha256').update(input.text).digest('hex');
    if (seen.has(hash) || input.text.trim() === '') return false;
    seen.add(hash);
    return true;
  });
}

/** Real inputs of every kind, each text once: at most `perKind` blocks of a kind from the suites, and source files of every language. */
export async function realCompressorInputs(
  projectRoot: string,
  sharedDir: string,
  perKind: number,
): Promise<RealInputs> {
  const suites = [headroomSuite(), await localSuite(projectRoot), ...(await specSuites(projectRoot, sharedDir))];
  const gitLogs = gitLogInputs(projectRoot);
  const testRuns = verboseTestRunInputs();
  const skipped = [
    ...suites.flatMap(({ name, build }) => (build.state === 'skipped' ? [`${name}: ${build.reason}`] : [])),
    ...gitLogs.skipped,
    ...testRuns.skipped,
  ];
  if (!existsSync(sharedDir)) skipped.push(`the corpus suites: ${sharedDir} is absent`);
  const blocks = unique(suiteInputs(suites));
  const kinds = [...new Set(blocks.map((input) => input.kind))].sort();
  const sources = [
    ...sourceInputs('fixtures', fixtureFiles(), 4),
    ...sourceInputs('src', sourceFilesUnder(path.join(projectRoot, 'src')), 6),
    ...sourceInputs('node_modules', sourceFilesUnder(path.join(projectRoot, 'node_modules')), 4),
    ...sourceInputs('debian', systemSourceFiles(), 3),
  ];
  // pytest sessions, listings, pip reports and Python tracebacks are rare among tool outputs, and have
  // compressors of their own: a few always come.
  const pytestSessions = spread(
    blocks.filter((input) => PYTEST_SESSION.test(input.text)),
    6,
  );
  const listings = spread(
    blocks.filter((input) => listingEntries(input.text.split('\n')).length >= MIN_LISTING_ENTRIES),
    6,
  );
  const nameListings = spread(
    blocks.filter((input) => readNameListing(input.text.split('\n')) !== null),
    6,
  );
  const pipReports = spread(
    blocks.filter((input) => input.text.includes(PIP_SATISFIED)),
    6,
  );
  const tracebacks = spread(
    blocks.filter((input) => input.text.includes(PYTHON_TRACEBACK)),
    6,
  );
  return {
    inputs: unique([
      ...kinds.flatMap((kind) =>
        spread(
          blocks.filter((input) => input.kind === kind),
          perKind,
        ),
      ),
      ...pytestSessions,
      ...listings,
      ...nameListings,
      ...pipReports,
      ...gitLogs.inputs,
      ...testRuns.inputs,
      ...tracebacks,
      ...sources,
    ]),
    skipped,
  };
}
