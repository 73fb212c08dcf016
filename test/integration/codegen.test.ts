import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Runs GraphQL Code Generator in a child process (its plugins are ES modules, which Jest's CommonJS runtime
// cannot load in-process), about a second: the integration tier's kind of test. The schema's own checks are
// in test/unit/schema.test.ts.
const root = path.resolve(__dirname, '..', '..');

describe('the committed schema', () => {
  it('has typed documents in test/generated that match it (run `npm run codegen`)', () => {
    // --check exits non-zero when the generated file would change.
    expect(() =>
      execFileSync(
        process.execPath,
        [path.join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.yml', '--check'],
        { cwd: root, stdio: 'pipe' },
      ),
    ).not.toThrow();
  });
});
