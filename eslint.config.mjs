// ESLint (flat config): typescript-eslint's recommended rules and the house rules of issue #11 that a
// reviewer would otherwise have to remember. `npm run lint` runs it, then `npm run lint:cycles` (madge):
// import cycles are checked there, not here, because eslint-plugin-import-x's no-cycle skips `import type`
// edges: on the tree #11 reviewed, madge finds its four cycles, no-cycle only country ↔ country-group entity.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `as never` silences the type checker instead of stating a type (`x as never`, `rows as never[]`). */
const noAsNever = [
  {
    selector: 'TSAsExpression > TSNeverKeyword',
    message: 'No `as never`: give the value its real type (a row type from queryRows, a narrow interface in a test).',
  },
  {
    selector: 'TSAsExpression > TSArrayType > TSNeverKeyword',
    message: 'No `as never[]`: give the rows their real type (queryRows<Row>).',
  },
  { selector: 'TSTypeAssertion > TSNeverKeyword', message: 'No `<never>` assertion: give the value its real type.' },
];

/** Statements run through queryRows/queryRow (src/database/query.ts), the one place a row is typed. */
const noExecute = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='execute'][arguments.length>0]",
  message: 'Run SQL with queryRows/queryRow from src/database/query.ts and the `sql` tag, not `.execute(text, params)`.',
};

/**
 * `house/max-body-lines`: lines of code in a function's body, its braces, blank lines and comment-only lines
 * not counted. ESLint's max-lines-per-function counts a method from its decorators on, so a resolver field
 * with a long description and ten documented @Arg parameters would fail with a five-line body.
 */
const maxBodyLines = {
  meta: {
    type: 'suggestion',
    schema: [{ type: 'integer', minimum: 1 }],
    messages: { long: '{{name}} has {{lines}} lines of code in its body (at most {{max}}): delegate to a query function.' },
  },
  create(context) {
    const max = context.options[0] ?? 40;
    const source = context.sourceCode;
    const commentOnly = new Set();
    for (const comment of source.getAllComments()) {
      for (let line = comment.loc.start.line; line <= comment.loc.end.line; line++) {
        const text = source.lines[line - 1];
        const from = line === comment.loc.start.line ? comment.loc.start.column : 0;
        const to = line === comment.loc.end.line ? comment.loc.end.column : text.length;
        if ((text.slice(0, from) + text.slice(to)).trim() === '') commentOnly.add(line);
      }
    }
    const check = (fn) => {
      if (fn.body?.type !== 'BlockStatement') return;
      let lines = 0;
      for (let line = fn.body.loc.start.line + 1; line < fn.body.loc.end.line; line++)
        if (source.lines[line - 1].trim() !== '' && !commentOnly.has(line)) lines++;
      const name =
        fn.parent.type === 'MethodDefinition' ? `Method '${fn.parent.key.name}'` : fn.id ? `Function '${fn.id.name}'` : 'A function';
      if (lines > max)
        context.report({ node: fn.parent.type === 'MethodDefinition' ? fn.parent.key : fn, messageId: 'long', data: { name, lines, max } });
    };
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
};

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'test/generated/', 'schema/', 'migrations/.snapshot*', 'bench/reliability/results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { house: { rules: { 'max-body-lines': maxBodyLines } } },
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': ['error', ...noAsNever],
      // The legacy SQL helpers (hand-ordered placeholders) are gone; the `sql` tag replaces them.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)database/sql$|^\\./sql$',
              importNames: ['placeholders', 'BoundSql', 'joinSql', 'boundInList'],
              message: 'Legacy SQL helper: write the statement with the `sql` tag (sql, join, list, inList, ident, int).',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS configuration files (jest.config.js).
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Application code runs SQL only through src/database/query.ts. Tests (test/**) may read the
    // database's raw state by hand: checking the SQL layer with itself would prove nothing.
    files: ['src/**/*.ts', 'seeds/**/*.ts', 'bench/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['src/database/query.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noAsNever, noExecute] },
  },
  {
    // Resolvers validate and delegate: a field's body is at most 40 lines of code.
    files: ['src/**/*.resolver.ts'],
    rules: { 'house/max-body-lines': ['error', 40] },
  },
);
