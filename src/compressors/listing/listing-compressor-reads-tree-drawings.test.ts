/**
 * What `tree` prints (real runs of the `tree` binary over the shared corpus and this project's
 * sources, in both its character sets) is read as a recursive listing: written one line per
 * directory, the directories the conversation points at shown, the others counted, every name
 * accounted for, and the root and count lines kept as printed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environment } from '../../config.ts';
import { findMarkers } from '../../store/marker.ts';
import { createTokenRuler } from '../../tokenize/token-ruler.ts';
import { expectConformingResult } from '../../testkit/compressors/expect-conforming.ts';
import type { CompressContext } from '../compressor.ts';
import { listingCompressor } from './listing-compressor.ts';
import { readTreeListing } from './tree-listing.ts';

const ruler = createTokenRuler('o200k_base');
const hasTree = spawnSync('tree', ['--version']).status === 0;

function tree(args: readonly string[], cwd: string): string {
  const run = spawnSync('tree', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`tree ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

const drawings = (): { name: string; text: string }[] =>
  ['utf8', 'ascii'].flatMap((charset) => [
    { name: `corpus (${charset})`, text: tree(['--charset', charset, 'corpus'], environment.sharedDir) },
    { name: `src (${charset})`, text: tree(['--charset', charset, 'src'], environment.projectRoot) },
    { name: `src -L 2 (${charset})`, text: tree(['--charset', charset, '-L', '2', 'src'], environment.projectRoot) },
  ]);

// `(3 directories under src/bench hidden, holding 21 names: 21 .ts)` or `(src/x hidden, holding 4 names)`:
// group 1 the directories (absent for one), group 2 the files they hold.
const HIDDEN = /^\((?:(\d+) director(?:y|ies) under \S+|\S+) hidden, holding (\d+) names?(?::[^)]*)?\)$/;
const DIRECTORY_LINE = /^(\S+): ?(.*)$/;

const context = (latest: string): CompressContext => ({ profile: 'balanced', ruler, conversation: latest, latest });

describe.skipIf(!hasTree)('listing compressor on tree drawings', () => {
  it('reads every entry of a real tree drawing, in both character sets', () => {
    for (const { name, text } of drawings()) {
      const lines = text.split('\n');
      const listing = readTreeListing(lines);
      expect(listing, name).not.toBeNull();
      const entries = lines.filter((line) => /(?:──|--)[ \u00a0]/.test(line)).length;
      const listed = listing?.directories.reduce((sum, directory) => sum + directory.entries.length, 0);
      expect(listed, name).toBe(entries);
      expect(listing?.directories[0]?.path, name).toBe(lines[0]);
    }
  });

  it('writes one line per directory, shows what the conversation names and counts every other name', () => {
    for (const { name, text } of drawings()) {
      const question = 'Which files does the bench read for HDFS_2k.log and for marker.ts?';
      const result = expectConformingResult(listingCompressor, text, 'text', context(question));
      expect(result, name).not.toBeNull();
      const out = result?.text ?? '';
      expect(ruler.count(out), name).toBeLessThan(ruler.count(text) * 0.6);
      expect(findMarkers(out), name).toHaveLength(1);
      const countLine = text.trimEnd().split('\n').pop() ?? '';
      expect(countLine, name).toMatch(/^\d+ director(?:y|ies), \d+ files?$/);
      expect(out.split('\n'), name).toContain(countLine);
      const shown = new Map<string, string[]>();
      let hiddenFiles = 0;
      let hiddenDirectories = 0;
      for (const line of out.split('\n')) {
        const run = HIDDEN.exec(line);
        if (run !== null) {
          hiddenDirectories += Number(run[1] ?? 1);
          hiddenFiles += Number(run[2]);
        } else {
          const directory = DIRECTORY_LINE.exec(line);
          if (directory !== null && !line.startsWith('[[terse:'))
            shown.set(directory[1] as string, (directory[2] as string).split(' ').filter(Boolean));
        }
      }
      // Every entry is a name shown, a file counted, a directory hidden, or a directory shown on its own
      // line (or above one: a directory holding nothing but shown subdirectories is said by their lines).
      // A hidden directory is named `x/` in its parent's line when that line is shown.
      const root = text.split('\n')[0] as string;
      const below = new Set<string>();
      for (const heading of shown.keys()) {
        const parts = heading.split('/');
        for (let depth = root.split('/').length + 1; depth <= parts.length; depth += 1)
          below.add(parts.slice(0, depth).join('/'));
      }
      const entries = text.split('\n').filter((line) => /(?:──|--)[ \u00a0]/.test(line)).length;
      const names = [...shown.values()].flat();
      const hiddenNamed = names.filter((each) => each.endsWith('/')).length;
      expect(names.length + hiddenFiles + hiddenDirectories - hiddenNamed + below.size, name).toBe(entries);
      // A file the question names is shown in its directory whenever the drawing reaches it.
      for (const file of ['HDFS_2k.log', 'marker.ts']) {
        if (!text.includes(file)) continue;
        expect(
          [...shown.values()].some((names) => names.includes(file)),
          `${name}: ${file}`,
        ).toBe(true);
      }
    }
  });

  it('leaves a drawing cut at its head, which names no root, to the other readers', () => {
    const text = tree(['src'], environment.projectRoot);
    const cut = text.split('\n').slice(40).join('\n');
    expect(readTreeListing(cut.split('\n'))).toBeNull();
  });
});

describe('listing compressor on text that only looks like a tree', () => {
  it('reads no tree in a markdown list or a diff', () => {
    const notes = path.join(environment.projectRoot, 'README.md');
    const markdown = spawnSync('cat', [notes], { encoding: 'utf8' }).stdout;
    expect(readTreeListing(markdown.split('\n'))).toBeNull();
    const diff = spawnSync('git', ['log', '-p', '-3', '--', 'src/compressors/listing'], {
      cwd: environment.projectRoot,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }).stdout;
    expect(readTreeListing(diff.split('\n'))).toBeNull();
  });
});
