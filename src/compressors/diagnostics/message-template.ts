/**
 * A diagnostic message with what varies masked, so the same problem at a thousand places compares
 * equal: quoted names become `'…'` (and are kept, to say which names), numbers become `<n>`.
 */

/** A message's template and the quoted names it held, in order. */
export interface MessageTemplate {
  readonly template: string;
  readonly names: readonly string[];
}

const QUOTED = /'([^'\n]{1,120})'|"([^"\n]{1,120})"|‘([^’\n]{1,120})’|`([^`\n]{1,120})`/g;
const NUMBER = /\b\d+(?:\.\d+)?\b/g;

/** The template of `message`. */
export function messageTemplate(message: string): MessageTemplate {
  const names: string[] = [];
  const masked = message.replace(QUOTED, (whole: string, ...groups: unknown[]) => {
    const name = groups.slice(0, 4).find((group): group is string => typeof group === 'string') ?? '';
    names.push(name);
    return `${whole[0] ?? "'"}…${whole[whole.length - 1] ?? "'"}`;
  });
  return { template: masked.replace(NUMBER, '<n>'), names };
}
