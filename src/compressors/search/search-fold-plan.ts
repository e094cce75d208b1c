/** Decides, per file, which hits stay verbatim, which fold as near-duplicates, and which files merge. */
import type { SearchFile, SearchHit } from './search-output.ts';
import { isDefinition } from './definition-line.ts';
import { nearKey } from './near-key.ts';

/** A kept hit and the line numbers of the near-duplicates folded into it. */
export interface KeptHit {
  readonly hit: SearchHit;
  readonly similar: (number | null)[];
}

/** Files with the same hits shown once; `dropped` are hits over the per-file cap. */
export interface HitGroup {
  readonly paths: (string | null)[];
  readonly matches: number;
  readonly kept: KeptHit[];
  readonly dropped: (number | null)[];
}

/** How far a profile folds. */
export interface SearchRules {
  /** Most ordinary hits kept per file; definitions and mentioned hits come on top. */
  readonly perFileCap: number;
  /** Keeps context lines (`path-12-text`) of kept matches. */
  readonly keepContext: boolean;
  readonly mentioned: (content: string) => boolean;
}

/** A file's hits with their near keys and special flags, each worked out at most once. */
interface FileFacts {
  readonly keys: string[];
  special(index: number): boolean;
}

function factsOf(file: SearchFile, rules: SearchRules): FileFacts {
  const keys = file.hits.map((hit) => nearKey(hit.content));
  const special: (boolean | undefined)[] = [];
  return {
    keys,
    special: (index) =>
      (special[index] ??=
        isDefinition((file.hits[index] as SearchHit).content) ||
        rules.mentioned((file.hits[index] as SearchHit).content)),
  };
}

function signature(file: SearchFile, facts: FileFacts): string {
  const keys: string[] = [];
  file.hits.forEach((hit, index) => {
    if (!hit.context) keys.push(facts.keys[index] as string);
  });
  return keys.join('\u0000');
}

function planFile(file: SearchFile, facts: FileFacts, rules: SearchRules): Omit<HitGroup, 'paths'> {
  const kept: KeptHit[] = [];
  const byKey = new Map<string, KeptHit>();
  const dropped: (number | null)[] = [];
  let ordinary = 0;
  let matches = 0;
  file.hits.forEach((hit, index) => {
    if (!hit.context) matches += 1;
    const special = !hit.context && facts.special(index);
    const key = `${hit.context ? '-' : ':'}${facts.keys[index] as string}`;
    const twin = byKey.get(key);
    if (twin !== undefined && !special) {
      twin.similar.push(hit.line);
      return;
    }
    if (hit.context && !rules.keepContext) return;
    if (!special && ordinary >= rules.perFileCap) {
      if (!hit.context) dropped.push(hit.line);
      return;
    }
    if (!special) ordinary += 1;
    const entry: KeptHit = { hit, similar: [] };
    kept.push(entry);
    if (!byKey.has(key)) byKey.set(key, entry);
  });
  return { matches, kept, dropped };
}

/** Groups files whose match lines are the same (translations, vendored copies), then plans each group. */
export function planHits(files: readonly SearchFile[], rules: SearchRules): HitGroup[] {
  const groups: HitGroup[] = [];
  const bySignature = new Map<string, HitGroup>();
  for (const file of files) {
    const facts = factsOf(file, rules);
    const key = signature(file, facts);
    const special = file.hits.some((_, index) => facts.special(index));
    const twin = key.length > 0 && !special ? bySignature.get(key) : undefined;
    if (twin !== undefined) {
      twin.paths.push(file.path);
      continue;
    }
    const group: HitGroup = { paths: [file.path], ...planFile(file, facts, rules) };
    groups.push(group);
    if (key.length > 0 && !special) bySignature.set(key, group);
  }
  return groups;
}
