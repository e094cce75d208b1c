/** Headroom's published reduction table (README "Proof"), input tokens before and after. */

/** The four workloads Headroom publishes numbers for. */
export type HeadroomWorkload = 'code-search' | 'sre' | 'issue-triage' | 'exploration';

/**
 * Provider-reported input tokens before and after Headroom v0.2.13. Not like for like with terse's
 * o200k counts: Headroom measured with the providers' own tokenizers and usage numbers.
 */
export const HEADROOM_PUBLISHED: Readonly<Record<HeadroomWorkload, { readonly before: number; readonly after: number }>> = {
  'code-search': { before: 17_765, after: 1_408 },
  sre: { before: 65_694, after: 5_118 },
  'issue-triage': { before: 54_174, after: 14_761 },
  exploration: { before: 78_502, after: 41_254 },
};
