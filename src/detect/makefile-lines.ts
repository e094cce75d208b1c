/**
 * Makefile lines: `ifeq (...)` / `endif` directives, `VAR := value` assignments and `$(VAR)` references.
 * A Makefile scores as code by shape (`X := y` reads like Go), yet no code grammar parses it.
 */
import { anyOf } from './regex-alternation.ts';
import { shareOf } from './sample.ts';

// Upper-case variables and automatic ones ($@ $< $^) or make's own functions: `$(document)` (jQuery) is none.
const MAKE_REFERENCE =
  /\$\((?:[A-Z_][A-Z0-9_]*|[@<^+*%]|shell|wildcard|patsubst|filter|filter-out|subst|word|words|addprefix|addsuffix|foreach|call|if|error|warning|info|dir|notdir|basename|strip|sort)[ :),]/;
const MAKE_DIRECTIVE =
  /^(?:(?:ifeq|ifneq) ?\(|(?:ifdef|ifndef|define|include|-include|override|unexport) \S|(?:else|endif|endef)\s*$|\.PHONY:|\.DEFAULT_GOAL\s*:?=)/;
const MAKE_ASSIGNMENT = /^(?:override |export )?[A-Z_][A-Z0-9_]*\s*(?:\?=|\+=|::?=)/;

const ANY_MAKE_LINE = anyOf([MAKE_DIRECTIVE, MAKE_ASSIGNMENT, MAKE_REFERENCE]);

/** True for a line only a Makefile (or a shell line in a recipe) writes. */
export function isMakefileLine(line: string): boolean {
  return ANY_MAKE_LINE(line);
}

/** `makefileShare(lines) >= share`, stopping as soon as the count of Makefile lines settles it. */
export function reachesMakefileShare(lines: readonly string[], share: number): boolean {
  const n = lines.length;
  let hits = 0;
  for (let i = 0; i < n; i += 1) {
    if (isMakefileLine(lines[i] as string)) {
      hits += 1;
      if (hits / n >= share) return true;
    } else if ((hits + n - i - 1) / n < share) return false;
  }
  return n > 0 && hits / n >= share;
}

/** Share of `lines` that are Makefile lines. */
export function makefileShare(lines: readonly string[]): number {
  return shareOf(lines, isMakefileLine);
}
