/**
 * Generated local file search (`search_files`): `{total_matches, files_searched, matches: [{path,
 * type, size, modified, matches[{line, content, context_before, context_after}], score}]}`, best
 * score first. The SRE and exploration sessions each bring their own topic (paths and snippets).
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoDateBefore } from './timestamps.ts';

/** One matching line of a file, with the lines around it. */
export type FileMatch = { line: number; content: string; context_before: string; context_after: string };

/** One file of the search result. */
export type FileHit = {
  path: string;
  type: 'file';
  size: number;
  modified: string;
  matches: FileMatch[];
  score: number;
};

/** A matched line with the lines around it. */
export type Snippet = { readonly content: string; readonly before: string; readonly after: string };

/** A kind of matched line, in the language its file extension says. */
export interface SnippetTemplate {
  readonly extension: string;
  /** Draws the line's variable parts, so lines differ across files. */
  readonly write: (rng: SeededRandom) => Snippet;
}

/** What a search is about: where matching files live and what matching lines look like. */
export interface SearchTopic {
  readonly directories: readonly string[];
  readonly stems: readonly string[];
  readonly snippets: readonly SnippetTemplate[];
}

/** How many hits, and how often a file matches twice. */
export interface FileSearchOptions {
  readonly count: number;
  /** Chance that a file holds a second matching line. */
  readonly secondMatchChance: number;
}

/** A path not yet used, built from the topic's vocabulary (numbered when the vocabulary runs out). */
function freshPath(rng: SeededRandom, topic: SearchTopic, extension: string, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const stem = rng.pick(topic.stems) + (attempt > 8 ? `_${rng.int(2, 99)}` : '');
    const path = `${rng.pick(topic.directories)}/${stem}.${extension}`;
    if (!used.has(path)) {
      used.add(path);
      return path;
    }
  }
}

function match(rng: SeededRandom, template: SnippetTemplate, line: number): FileMatch {
  const snippet = template.write(rng);
  return { line, content: snippet.content, context_before: snippet.before, context_after: snippet.after };
}

/** `count` hits with distinct paths, sorted by descending score (3 decimals, never whole). */
export function generateFileHits(rng: SeededRandom, topic: SearchTopic, options: FileSearchOptions): FileHit[] {
  const used = new Set<string>();
  const hits: FileHit[] = [];
  for (let i = 0; i < options.count; i++) {
    const template = rng.pick(topic.snippets);
    const first = rng.int(8, 420);
    const matches = [match(rng, template, first)];
    if (rng.chance(options.secondMatchChance)) matches.push(match(rng, template, first + rng.int(6, 160)));
    hits.push({
      path: freshPath(rng, topic, template.extension, used),
      type: 'file',
      size: rng.int(380, 24_000),
      modified: isoDateBefore(rng.int(0, 90)),
      matches,
      score: rng.int(301, 999) / 1000,
    });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/** The `search_files` result object. */
export function fileSearchResult(
  hits: readonly FileHit[],
  filesSearched: number,
): { total_matches: number; files_searched: number; matches: FileHit[] } {
  return { total_matches: hits.length, files_searched: filesSearched, matches: hits.slice() };
}
