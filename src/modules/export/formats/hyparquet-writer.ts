/**
 * hyparquet-writer is published as an ES module only. Compiled to CommonJS, this `import()` is a require(),
 * which Node loads as it does any CommonJS module (Node 20.19+, 22.12+); under Jest, whose CommonJS runtime
 * cannot require an ES module, jest.config.js keeps this one file's `import()` as is (Jest's ESM loader).
 */
export type HyparquetWriter = typeof import('hyparquet-writer');

let loading: Promise<HyparquetWriter> | undefined;

/** The library, loaded once. */
export function loadHyparquetWriter(): Promise<HyparquetWriter> {
  return (loading ??= import('hyparquet-writer'));
}
