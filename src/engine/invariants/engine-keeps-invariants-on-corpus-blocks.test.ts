import { existsSync } from 'node:fs';
import { describe } from 'vitest';
import { environment } from '../../config.ts';
import { specSuites } from '../../testkit/invariants/invariant-suites.ts';
import { describeSuiteInvariants } from '../../testkit/invariants/suite-invariant-cases.ts';

describe.skipIf(!existsSync(environment.sharedDir))(
  'the engine on every tool result of the shared-corpus suites',
  () => {
    describeSuiteInvariants(() => specSuites());
  },
);
