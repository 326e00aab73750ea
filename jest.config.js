/**
 * Two projects, both run by `npm test`: `unit` holds the tables of single modules (text, language data,
 * extraction, comparison, rules, report renderers; `npm run test:quick` runs only these), `e2e` the runs of
 * the whole tool (CLI, gate, golden reports, robustness, trust, browser).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] };
const E2E = [
  '<rootDir>/__tests__/cli/',
  '<rootDir>/__tests__/gate/cli.test.ts',
  '<rootDir>/__tests__/gate/store-index.test.ts',
  '<rootDir>/__tests__/golden/',
  '<rootDir>/__tests__/robustness/',
  '<rootDir>/__tests__/trust/',
  '<rootDir>/__tests__/pipeline/',
  '<rootDir>/__tests__/eval/',
  '<rootDir>/__tests__/browser/',
  '<rootDir>/__tests__/review/server.test.ts',
  '<rootDir>/__tests__/rules/cli.test.ts',
  '<rootDir>/__tests__/rules/examples.test.ts',
  '<rootDir>/__tests__/examples/',
];
const common = { testEnvironment: 'node', roots: ['<rootDir>/__tests__'], transform };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', ...E2E] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: E2E.map((p) => (p.endsWith('/') ? `${p}**/*.test.ts` : p)),
      // One build of the CLI for every file that runs it as installed (node bin/corroborate.js).
      globalSetup: '<rootDir>/__tests__/gate/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/gate/global-teardown.ts',
    },
  ],
  // A global option: a project's own testTimeout is not read.
  testTimeout: 60000,
  // Both cores of a two-core runner (jest's default leaves one idle for itself).
  maxWorkers: 2,
};
