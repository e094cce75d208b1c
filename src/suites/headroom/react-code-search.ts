/**
 * Generated `code_search` hits over a React front end: `{file, line, content, language,
 * repository, branch, last_modified, author, match_score, context{before[2], after[2]},
 * metadata{size_bytes, encoding, mime_type}}`. Files cycle through five components and
 * match_score falls 0.005 per hit from 0.95, as in the Headroom example.
 */
import type { SeededRandom } from './seeded-random.ts';
import { isoSeconds } from './timestamps.ts';

/** One code_search hit. */
export type ReactHit = {
  file: string;
  line: number;
  content: string;
  language: 'typescript';
  repository: string;
  branch: string;
  last_modified: string;
  author: string;
  match_score: number;
  context: { before: string[]; after: string[] };
  metadata: { size_bytes: number; encoding: 'utf-8'; mime_type: 'text/typescript' };
};

/** Components a search may find; five are drawn per seed. */
export const COMPONENT_NAMES: readonly string[] = [
  'CheckoutForm',
  'AddressForm',
  'LoginForm',
  'SignupWizard',
  'SearchFilters',
  'ProfileEditor',
  'FeedbackDialog',
  'PaymentForm',
  'ContactForm',
  'SettingsPanel',
  'InviteModal',
  'BillingForm',
];

const REPOSITORIES: readonly string[] = ['storefront-web', 'member-portal', 'admin-console'];
const FIRST_NAMES: readonly string[] = [
  'amara',
  'jonas',
  'mei',
  'tomas',
  'rhea',
  'idris',
  'lena',
  'oskar',
  'yuki',
  'dario',
];
const LAST_NAMES: readonly string[] = [
  'okafor',
  'lindqvist',
  'tanaka',
  'novak',
  'castillo',
  'haddad',
  'moreau',
  'berg',
];
const FIELDS: readonly string[] = ['email', 'postcode', 'cardNumber', 'displayName', 'password', 'company', 'phone'];

type LineTemplate = (rng: SeededRandom, component: string) => string;

const MATCH_LINES: readonly LineTemplate[] = [
  (_, c) => `export function ${c}(props: ${c}Props) {`,
  (_, c) => `  const form = useForm<${c}Values>();`,
  (r) => `      <input {...register('${r.pick(FIELDS)}')} />`,
  () => '    <form onSubmit={handleSubmit(save)}>',
  (_, c) => `  const save = async (values: ${c}Values) => {`,
];

const BEFORE_LINES: readonly (readonly [string, string])[] = [
  ["import { useForm } from 'react-hook-form';", ''],
  ['', '  const [busy, setBusy] = useState(false);'],
  ["import { Button } from '@/ui/button';", ''],
];

const AFTER_LINES: readonly (readonly [string, string])[] = [
  ['    <Button type="submit">Save</Button>', '  );'],
  ['    setBusy(true);', '  };'],
  ['  return (', '    <fieldset>'],
];

/** A lowercase work email from the name vocabulary. */
function author(rng: SeededRandom): string {
  return `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}@nw.dev`;
}

/** `count` hits cycling through `components`; lines grow within each file. */
export function generateReactHits(rng: SeededRandom, components: readonly string[], count: number): ReactHit[] {
  const repository = rng.pick(REPOSITORIES);
  const authors = Array.from({ length: 8 }, () => author(rng));
  const lastLine = new Map<string, number>();
  const hits: ReactHit[] = [];
  for (let i = 0; i < count; i++) {
    const component = components[i % components.length] ?? 'Form';
    const file = `src/components/${component}.tsx`;
    const line = (lastLine.get(file) ?? 0) + rng.int(4, 19);
    lastLine.set(file, line);
    hits.push({
      file,
      line,
      content: rng.pick(MATCH_LINES)(rng, component),
      language: 'typescript',
      repository,
      branch: 'main',
      last_modified: isoSeconds(-rng.int(3600, 90 * 86_400)),
      author: rng.pick(authors),
      // Same arithmetic as the reference, float drift included (0.9349999999999999).
      match_score: 0.95 - i * 0.005,
      context: { before: [...rng.pick(BEFORE_LINES)], after: [...rng.pick(AFTER_LINES)] },
      metadata: { size_bytes: rng.int(900, 9000), encoding: 'utf-8', mime_type: 'text/typescript' },
    });
  }
  return hits;
}
