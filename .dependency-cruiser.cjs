/**
 * The layering docs/architecture.md describes, checked by dependency-cruiser (`npm run check:layout`,
 * and src/layout-keeps-imports-one-way.test.ts). Type-only imports are left out: they vanish at runtime.
 */
const TEST = '\\.test\\.ts$';
module.exports = {
  forbidden: [
    { name: 'no-runtime-cycle', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'production-never-imports-testkit',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/testkit/', TEST, '/__fixtures__/'] },
      to: { path: '^src/testkit/' },
    },
    {
      name: 'engine-stays-below-the-front-doors',
      severity: 'error',
      from: { path: '^src/(engine|compressors|store|retrieve|tokenize|detect)/', pathNot: TEST },
      to: { path: '^src/(bench|suites|report|proxy|cli)/|^src/cli\\.ts$' },
    },
    {
      name: 'bench-never-imports-suites',
      severity: 'error',
      from: { path: '^src/bench/', pathNot: TEST },
      to: { path: '^src/suites/' },
    },
    {
      name: 'proxy-and-bench-stay-apart',
      severity: 'error',
      from: { path: '^src/proxy/', pathNot: TEST },
      to: { path: '^src/(bench|suites)/' },
    },
    {
      name: 'bench-never-imports-the-proxy',
      severity: 'error',
      from: { path: '^src/bench/', pathNot: TEST },
      to: { path: '^src/proxy/' },
    },
    {
      name: 'only-the-cli-reads-config',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/cli\\.ts$', '^src/testkit/', TEST] },
      to: { path: '^src/config\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '/__fixtures__/' },
  },
};
