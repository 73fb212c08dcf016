import type { ListBound } from '../nested';

/** Field arguments as execution sees them (variables substituted, defaults applied). */
export type Args = Record<string, unknown>;

/** What the cost model needs from the server's configuration. */
export interface CostOptions {
  /** Largest `first` of a root connection (config.maxPageSize). */
  maxPageSize: number;
}

/** A number of points, fixed or computed from the field's arguments, with the words that explain it. */
export interface Points {
  readonly text: string;
  points(args: Args): number;
}

/**
 * How many items a list holds, from the arguments of the field that sizes it. `own` is the size the list
 * was priced at on its own (its `first`, or its maximum): a parent may only lower it.
 */
export interface Size {
  readonly text: string;
  of(args: Args, options: CostOptions, own: number): number;
}

/** The cost entry of one field (`Type.field`) of the schema. */
export interface FieldCost {
  /** Fixed points of running the field: the statements it runs and the rows they read. */
  readonly base?: Points;
  /** A list field sized by its own arguments (`first`, `top`…). */
  readonly list?: Size;
  /**
   * A list field sized by an ancestor's argument (`Concentration.top` by `top`): priced alone at `max`
   * items, and at the ancestor's size wherever an ancestor's `items` names it.
   */
  readonly itemOf?: { readonly text: string; max(options: CostOptions): number };
  /** Lists inside this field's result sized by this field's arguments, by path (`nodes.remaining.top`). */
  readonly items?: Readonly<Record<string, Size>>;
  /** Points added when the result's `totalCount` is selected: the COUNT it runs. */
  readonly count?: Points;
}

/**
 * Reference scale of the cost unit, stated once so every price reads in the same terms. One point ≈ 0.1 ms
 * of server time at the analytics benchmark's scale (1,000,000 flows); an object through a batched loader
 * costs 1 (a generous price for it), so "points" read as "objects, or their equivalent in work".
 */
export const UNITS = {
  /** One statement through an index (one market, one page): ~1 ms, planning and a round trip included. */
  STATEMENT: 10,
  /** Scanning and aggregating a year of world trade (~0.5 s at the benchmark's scale). */
  YEAR_OF_FLOWS: 5000,
  /** Years a scan reads when no year filter bounds it (a full series; the benchmark's 1 M flows span them). */
  SERIES_YEARS: 10,
} as const;

const clampInt = (value: unknown, fallback: number, max: number): number => {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.max(0, Math.min(n, max));
};

/** Fixed points. */
export const fixed = (points: number, text: string): Points => ({ text, points: () => points });

/** Points computed from the arguments. */
export const computed = (text: string, points: (args: Args) => number): Points => ({ text, points });

/**
 * `first` with a bound: its default when absent, and never more than the maximum (a larger `first` is
 * refused with PAGE_SIZE_TOO_LARGE before anything runs, so the maximum bounds every accepted answer).
 */
export const firstOf = (bound: ListBound): Size => ({
  text: `\`first\` (default ${bound.default}, max ${bound.max})`,
  of: (args) => clampInt(args.first, bound.default, bound.max),
});

/** `first` of a root connection: default `fallback`, at most the configured page size. */
export const pageFirst = (fallback: number): Size => ({
  text: `\`first\` (default ${fallback}, max the server's page size)`,
  of: (args, options) => clampInt(args.first, Math.min(fallback, options.maxPageSize), options.maxPageSize),
});

/** A non-null argument with a schema default (`top`, `participants`), at most `max`. */
export const argument = (name: string, max: number, factor = 1): Size => ({
  text: factor === 1 ? `\`${name}\` (max ${max})` : `${factor} × \`${name}\` (max ${max})`,
  of: (args) => factor * clampInt(args[name], max, max),
});

/** A size computed from the arguments. */
export const sizeOf = (text: string, of: Size['of']): Size => ({ text, of });

/** A list sized by an ancestor, priced at `max` items alone. */
export const itemOf = (text: string, max: number | ((options: CostOptions) => number)) => ({
  text,
  max: typeof max === 'number' ? () => max : max,
});
