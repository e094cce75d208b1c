/** Decides, per file, which hits stay verbatim, which fold as near-duplicates, and which files merge. */
import type { SearchFile, SearchHit } from './search-output.ts';
import { isDefinition } from './definition-line.ts';

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

/** The comparison form of a hit: whitespace collapsed, numbers masked. */
function nearKey(content: string): string {
  return content.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#');
}

function signature(file: SearchFile): string {
  return file.hits.filter((hit) => !hit.context).map((hit) => nearKey(hit.content)).join('\u0000');
}

function planFile(file: SearchFile, rules: SearchRules): Omit<HitGroup, 'paths'> {
  const kept: KeptHit[] = [];
  const byKey = new Map<string, KeptHit>();
  const dropped: (number | null)[] = [];
  let ordinary = 0;
  let matches = 0;
  for (const hit of file.hits) {
    if (!hit.context) matches += 1;
    const special = !hit.context && (isDefinition(hit.content) || rules.mentioned(hit.content));
    const key = `${hit.context ? '-' : ':'}${nearKey(hit.content)}`;
    const twin = byKey.get(key);
    if (twin !== undefined && !special) { twin.similar.push(hit.line); continue; }
    if (hit.context && !rules.keepContext) continue;
    if (!special && ordinary >= rules.perFileCap) { if (!hit.context) dropped.push(hit.line); continue; }
    if (!special) ordinary += 1;
    const entry: KeptHit = { hit, similar: [] };
    kept.push(entry);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return { matches, kept, dropped };
}

/** Groups files whose match lines are the same (translations, vendored copies), then plans each group. */
export function planHits(files: readonly SearchFile[], rules: SearchRules): HitGroup[] {
  const groups: HitGroup[] = [];
  const bySignature = new Map<string, HitGroup>();
  for (const file of files) {
    const key = signature(file);
    const special = file.hits.some((hit) => isDefinition(hit.content) || rules.mentioned(hit.content));
    const twin = key.length > 0 && !special ? bySignature.get(key) : undefined;
    if (twin !== undefined) { twin.paths.push(file.path); continue; }
    const group: HitGroup = { paths: [file.path], ...planFile(file, rules) };
    groups.push(group);
    if (key.length > 0 && !special) bySignature.set(key, group);
  }
  return groups;
}
