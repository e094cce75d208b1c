/**
 * The four workloads Headroom publishes numbers for. The published figures themselves are data and
 * live in one place, `workloads/headroom.json` (`published`), which the bench shows beside ours.
 */
export type HeadroomWorkload = 'code-search' | 'sre' | 'issue-triage' | 'exploration';
