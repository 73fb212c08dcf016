/**
 * Two tiers: `unit` (pure code, no database, no whole real files: `npm run test:unit`, seconds) and
 * `integration` (real GraphQL over HTTP against a real database: the embedded PGlite by default, the
 * PostgreSQL server named by DATABASE_URL when set; and the format and reader tests that read the big
 * shared real files whole). Every integration file creates its own database, so files run in parallel.
 *
 * Run through `npm test`, which passes --experimental-vm-modules: PGlite loads Node built-ins with
 * import(), which Jest's runtime only supports with that flag.
 */
const transform = {
  // Type checking is `npm run typecheck`; tests only transpile. SWC rather than ts-jest (already in
  // transpile-only mode): the same tests, a quarter less CPU for the unit tier on a cold cache (fresh CI
  // clone), as fast on a warm one. Legacy decorators with metadata, as tsc emits them for type-graphql
  // and MikroORM (tsconfig.json: experimentalDecorators, emitDecoratorMetadata, target ES2022).
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// The Parquet writer's library is an ES module only: Jest's CommonJS runtime cannot require it, so the one file
// that loads it keeps its dynamic import(), which Jest serves with its ESM loader (src/modules/export/formats/
// hyparquet-writer.ts). Listed before the general rule: Jest uses the first pattern that matches.
const keepDynamicImport = structuredClone(transform['^.+\\.ts$']);
keepDynamicImport[1].module.ignoreDynamic = true;
const transformWithEsmLoader = { '/src/modules/export/formats/hyparquet-writer\\.ts$': keepDynamicImport, ...transform };

module.exports = {
  // Integration files start a server and a database of their own.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform: transformWithEsmLoader,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['reflect-metadata'],
      transform: transformWithEsmLoader,
    },
  ],
};
