import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { MARKER_PATTERN } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { agentCommandOutputs, type AgentCommandOutput } from '../../testkit/compressors/agent-command-outputs.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import type { CompressContext } from '../compressor.ts';
import { listingCompressor } from './listing-compressor.ts';
import { listingMentions } from './listing-mentions.ts';
import { readNameListing, type ListedDirectory, type NameListing } from './name-listing.ts';

const trajectories = path.join(environment.sharedDir, 'corpus', 'mini-swe-agent-trajs', 'trajs');
const ruler = createTokenRuler('o200k_base');

/** `ls` without `-l` or a pipe, and `find` (its paths perhaps filtered by grep): listings of one name a line. */
const NAME_LISTING_COMMAND = /^(?:ls(?! -\w*l)\b[^|]*|find\b[^|]*(?:\|\s*grep\b[^|]*)*)$/;
const HIDDEN_RUN = /^\((?:(?:\d+ directories under \S+|\S+) hidden, holding|)\s*(\d+) names?(?: hidden)?(?:: (.+))?\)$/;

const contextOf = (output: AgentCommandOutput, profile: 'balanced' | 'aggressive' = 'balanced'): CompressContext => ({
  profile,
  ruler,
  conversation: output.conversation,
  latest: output.latest,
});

const bare = (name: string): string => name.replace(/[/*@|]$/, '');

/** What the output says of the listing: each shown directory's names by heading, the hidden runs' counts, the marker. */
function readBack(out: string): {
  shown: Map<string, string[]>;
  loose: string[][];
  hiddenRuns: string[];
  marker: string;
} {
  const shown = new Map<string, string[]>();
  const loose: string[][] = [];
  const hiddenRuns: string[] = [];
  for (const line of out.split('\n')) {
    if (HIDDEN_RUN.test(line)) hiddenRuns.push(line);
    else if (/^\S+: /.test(line) || /^\S+:$/.test(line)) {
      const [heading, ...names] = line.split(/:? /);
      shown.set((heading as string).replace(/:$/, ''), names);
    } else if (/^[^\s<]+(?: \S+)+$/.test(line)) loose.push(line.split(' '));
  }
  return { shown, loose, hiddenRuns, marker: MARKER_PATTERN.exec(out)?.[2] ?? '' };
}

/** Whether the output shows the directory at `path` by a line of its own or of a directory below it. */
const shownAtOrBelow = (shown: ReadonlyMap<string, readonly string[]>, path: string): boolean =>
  [...shown.keys()].some((heading) => heading === path || heading.startsWith(`${path}/`));

/**
 * The directories of `listing` the output does not show: by the headings it writes, and one without a
 * heading when its names are on no line of their own. A directory whose every name is a subdirectory
 * shown by lines of its own is shown by those lines.
 */
function hiddenOf(
  listing: NameListing,
  shown: ReadonlyMap<string, readonly string[]>,
  loose: readonly (readonly string[])[],
): ListedDirectory[] {
  const written = new Set(loose.flat());
  return listing.directories.filter((directory) => {
    if (directory.heading === null) return !directory.entries.every((entry) => written.has(entry.name));
    if (shown.has(directory.heading)) return false;
    const below = (name: string): boolean => shownAtOrBelow(shown, `${directory.path}/${bare(name)}`);
    return directory.entries.length === 0 || !directory.entries.every((entry) => below(entry.name));
  });
}

describe('listing compressor on ls -R given two directories', () => {
  // Run here, on this repository's own folders: real ls output, whatever the files are today.
  const run = spawnSync('ls', ['-R', 'src/compressors', 'src/detect'], {
    cwd: environment.projectRoot,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });

  it('shows both directories it was given, and reads what is below each under it', () => {
    expect(run.status).toBe(0);
    const listing = readNameListing(run.stdout.split('\n')) as NameListing;
    expect(listing.form).toBe('recursive');
    const roots = listing.directories.filter((directory) => directory.root).map((directory) => directory.path);
    expect(roots).toEqual(['src/compressors', 'src/detect']);
    const out = listingCompressor.compress(
      { text: run.stdout, kind: 'text' },
      { profile: 'balanced', ruler, conversation: '' },
    )?.text as string;
    const { shown, hiddenRuns } = readBack(out);
    expect([...shown.keys()]).toEqual(expect.arrayContaining(['src/compressors', 'src/detect']));
    expect(hiddenRuns.length).toBeGreaterThan(0);
    for (const line of hiddenRuns) expect(line).toMatch(/src\/(?:compressors|detect)(?:\/\S*)? hidden/);
  });
});

describe.skipIf(agentCommandOutputs(trajectories, NAME_LISTING_COMMAND).length === 0)(
  'listing compressor on the ls, ls -R and find outputs of real agent sessions',
  () => {
    const outputs = agentCommandOutputs(trajectories, NAME_LISTING_COMMAND).filter(
      (output) => readNameListing(output.text.split('\n')) !== null,
    );
    const recursive = outputs.filter((output) => readNameListing(output.text.split('\n'))?.form === 'recursive');

    it('finds the listings agents printed: ls -R, plain ls and find', () => {
      const forms = outputs.map((output) => readNameListing(output.text.split('\n'))?.form);
      expect(forms.filter((form) => form === 'recursive').length).toBeGreaterThanOrEqual(3);
      expect(forms.filter((form) => form === 'flat').length).toBeGreaterThanOrEqual(4);
      expect(forms.filter((form) => form === 'paths').length).toBeGreaterThanOrEqual(2);
    });

    it('shows each name on its directory line, or counts it in the line of the hidden run it is in and in the marker', () => {
      for (const output of outputs) {
        const listing = readNameListing(output.text.split('\n')) as NameListing;
        const out = expectConformingResult(listingCompressor, output.text, 'text', contextOf(output))?.text;
        if (out === undefined) continue;
        const { shown, loose, hiddenRuns, marker } = readBack(out);
        const hidden = hiddenOf(listing, shown, loose);
        const listedPaths = new Set(listing.directories.map((directory) => directory.path));
        for (const directory of listing.directories) {
          if (hidden.includes(directory)) continue;
          const names = new Set(directory.heading === null ? loose.flat() : shown.get(directory.heading));
          for (const entry of directory.entries) {
            const child = `${directory.path}/${bare(entry.name)}`;
            // ls -R names a subdirectory it shows by that subdirectory's own line, or the lines below it.
            if (listing.form === 'recursive' && shownAtOrBelow(shown, child)) continue;
            const written = names.has(entry.name) || names.has(`${bare(entry.name)}/`);
            expect(written, `${output.name}: ${entry.name} in ${directory.heading}`).toBe(true);
          }
        }
        const total = listing.directories.reduce((sum, directory) => sum + directory.entries.length, 0);
        const hiddenNames = hidden.reduce((sum, directory) => sum + directory.entries.length, 0);
        if (hidden.length > 0)
          expect(marker, output.name).toContain(
            `${hiddenNames} of ${total} names in ${hidden.length} of ${listing.directories.length} directories hidden`,
          );
        // The runs count every hidden name but the subdirectories, which are counted as directories.
        const hiddenSubdirectories = hidden.reduce(
          (sum, directory) =>
            sum + directory.entries.filter((entry) => listedPaths.has(`${directory.path}/${bare(entry.name)}`)).length,
          0,
        );
        const counted = hiddenRuns.map((line) => {
          const [, count, kinds] = HIDDEN_RUN.exec(line) as RegExpExecArray;
          const byKind = (kinds ?? '').split(', ').reduce((sum, kind) => sum + (Number(kind.split(' ')[0]) || 0), 0);
          expect(byKind, `${output.name}: ${line}`).toBe(Number(count));
          return Number(count);
        });
        expect(
          counted.reduce((sum, count) => sum + count, 0),
          output.name,
        ).toBe(hiddenNames - hiddenSubdirectories);
      }
    });

    it('keeps the lines that are no part of the listing (the wrapper, a warning), in order', () => {
      for (const output of outputs) {
        const lines = output.text.split('\n');
        const listing = readNameListing(lines) as NameListing;
        const out = listingCompressor.compress({ text: output.text, kind: 'text' }, contextOf(output))?.text;
        if (out === undefined) continue;
        const others = lines.filter((_, index) => !listing.covered.has(index));
        const kept = out.split('\n').filter((line) => others.includes(line));
        expect(kept, output.name).toEqual(others);
      }
    });

    it('shows the directory of a file the conversation names, and the directories above it', () => {
      for (const output of recursive) {
        const listing = readNameListing(output.text.split('\n')) as NameListing;
        const quiet = listingCompressor.compress(
          { text: output.text, kind: 'text' },
          { profile: 'balanced', ruler, conversation: '' },
        )?.text as string;
        const { shown: shownQuietly, loose } = readBack(quiet);
        const hidden = hiddenOf(listing, shownQuietly, loose).filter((directory) => directory.path !== null);
        const deepest = hidden.sort(
          (a, b) => (b.path as string).split('/').length - (a.path as string).split('/').length,
        );
        const directory = deepest.find((each) => each.entries.length > 0) as ListedDirectory;
        const file = bare((directory.entries[directory.entries.length - 1] as { name: string }).name);
        const conversation = `The bug must be in ${directory.path}/${file}, let me read it.`;
        const out = listingCompressor.compress(
          { text: output.text, kind: 'text' },
          { profile: 'balanced', ruler, conversation },
        )?.text as string;
        const back = readBack(out);
        expect(back.shown.get(directory.heading as string), `${output.name}: ${directory.path}/${file}`).toContain(
          file,
        );
        const stillHidden = hiddenOf(listing, back.shown, back.loose);
        const root = (listing.directories[0] as ListedDirectory).path as string;
        const parts = (directory.path as string).split('/');
        for (let depth = root.split('/').length; depth < parts.length; depth++) {
          const ancestor = listing.directories.find((each) => each.path === parts.slice(0, depth).join('/'));
          if (ancestor !== undefined) expect(stillHidden, `${output.name}: ${ancestor.path}`).not.toContain(ancestor);
        }
      }
    });

    it('takes a name as mentioned when written as a path or file, or its stem as code; never a plain word', () => {
      // sympy-20590: the issue writes `sympy.Symbol('s')`; the instructions write "Tests, configuration files
      // (pyproject.toml, setup.cfg, etc.)"; the agent's turn "the current state of `Symbol` and its parent classes".
      const asked = recursive.find((output) => output.conversation.includes("sympy.Symbol('s')"));
      expect(asked).toBeDefined();
      const mentions = listingMentions(contextOf(asked as AgentCommandOutput));
      for (const name of ['symbol.py', 'setup.cfg', 'pyproject.toml']) expect(mentions.has(name), name).toBe(true);
      for (const name of ['tests', 'state.rst', 'classes.rst', 'files']) expect(mentions.has(name), name).toBe(false);
    });

    it('costs under half the tokens of an ls -R as printed, and less than any listing as printed', () => {
      const size = (text: string): number => ruler.count(text);
      for (const output of outputs) {
        const out = listingCompressor.compress({ text: output.text, kind: 'text' }, contextOf(output))?.text;
        if (out !== undefined) expect(size(out), output.name).toBeLessThan(size(output.text));
      }
      for (const output of recursive.filter((each) => size(each.text) > 1000)) {
        const out = listingCompressor.compress({ text: output.text, kind: 'text' }, contextOf(output))?.text as string;
        expect(size(out), output.name).toBeLessThan(size(output.text) / 2);
      }
    });

    it('leaves the lossless profile, and output that is no listing, alone', () => {
      const [first] = recursive;
      expect(
        listingCompressor.compress(
          { text: first?.text ?? '', kind: 'text' },
          { profile: 'lossless', ruler, conversation: '' },
        ),
      ).toBeNull();
      const notListings = [
        // A script printing the same words again and again.
        `<returncode>0</returncode>\n<output>\n${'True\nFalse\nNone\n'.repeat(5)}</output>`,
        // pip freeze, and prose with a heading.
        'attrs==23.1.0\nnumpy==1.26.4\npackaging==23.2\npluggy==1.3.0\npytest==7.4.3\nsix==1.16.0\ntomli==2.0.1\nzipp==3.17.0\nidna==3.4\n',
        'Summary:\nThe build finished without errors and every test passed on the first try.\nNothing else to report.\n',
      ];
      for (const text of notListings)
        expect(
          listingCompressor.compress({ text, kind: 'text' }, { profile: 'balanced', ruler, conversation: '' }),
          text,
        ).toBeNull();
    });
  },
);
