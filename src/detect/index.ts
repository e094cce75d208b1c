/** Public surface of `detect/`. */
export { detectContent } from './detect-content.ts';
export type { Detection, DetectedSection, DetectHint, SectionKind } from './detection.ts';
export type { CodeLanguage } from './code-language.ts';
