import path from 'node:path';

// Source files run from <root>/src/config; compiled ones from <root>/dist/src/config.
const twoUp = path.resolve(__dirname, '..', '..');

/** True when running the compiled JavaScript in `dist/`, false under ts-node or Jest. */
export const isCompiled = path.basename(twoUp) === 'dist';

/** The project root (where package.json lives), whether running from source or from `dist/`. */
export const projectRoot = isCompiled ? path.dirname(twoUp) : twoUp;

/** Root of the code being run: `<root>` from source, `<root>/dist` when compiled. */
export const codeRoot = twoUp;
