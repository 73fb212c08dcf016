/**
 * Two tiers: `unit` (pure code, no database) and `integration` (real GraphQL over HTTP against a real
 * database: the embedded PGlite by default, the PostgreSQL server named by DATABASE_URL when set).
 * Every integration file creates its own database, so files run in parallel.
 *
 * Run through `npm test`, which passes --experimental-vm-modules: PGlite loads Node built-ins with
 * import(), which Jest's runtime only supports with that flag.
 */
const transform = {
  // Type checking is `npm run typecheck`; tests only transpile, which is much faster.
  '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true, experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true, target: 'ES2022', module: 'commonjs' } }],
};

module.exports = {
  // Integration files start a server and a database of their own.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform,
    },
  ],
};
