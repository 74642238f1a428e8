const os = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // ts-jest transpiles file by file (no type check; `npm run typecheck` does that) because
  // tsconfig.json sets isolatedModules.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Unit tests stay well under this. e2e suites start real tofu processes and raise it per file
  // with jest.setTimeout(E2E_TEST_TIMEOUT_MS) (test/e2e/harness.ts); each tofu command also has its
  // own hard timeout that kills its process group, so nothing hangs.
  testTimeout: 30000,
  // At most two test files at once: unit files still run in parallel, and on the 2-core CI machine
  // no more than two tofu + provider process trees compete for the CPU.
  maxWorkers: Math.max(1, Math.min(2, os.cpus().length)),
};
