import type { CatalogDataset } from '../../catalog/catalog';
import { WarningCode } from '../../errors/warning-code';
import { TradeDimension } from './trade-aggregate.types';

/** A warning about a trade answer, before it has a response path. */
export interface TradeWarning {
  code: WarningCode;
  message: string;
}

/** The HS level an aggregate is rolled up at, and what the answer must say about it. */
export interface AggregateLevel {
  level: number;
  warnings: TradeWarning[];
}

/**
 * A dataset's finest HS level under an HS prefix (null: the whole dataset): that of its longest codes there — in
 * the prefix's chapter for a dataset that mixes levels — and 6 where the catalog knows of none.
 */
export function finestLevel(dataset: Pick<CatalogDataset, 'flowLevels' | 'chapterLevels'>, hsPrefix: string | null = null): number {
  const inChapter = hsPrefix === null ? undefined : dataset.chapterLevels[hsPrefix.slice(0, 2)];
  if (inChapter !== undefined) return inChapter;
  return dataset.flowLevels.length ? dataset.flowLevels[dataset.flowLevels.length - 1] : 6;
}

const nameOf = (dataset: CatalogDataset) => `dataset ${dataset.id} ("${dataset.name}" ${dataset.version})`;

/**
 * The level of an aggregate (METRICS.md, "Trade markets"): `hsLevel` when asked; otherwise, grouped by PRODUCT, the
 * dataset's finest level under the filter's hsPrefix (HS 4 for Comtrade's chapter 44 stored as headings, 6 for BACI); not grouped by product, the
 * level of the filter's `hsPrefix` (the figure for that product: its own row, or its rows' roll-up), or 2 without
 * one — every flow counted once, a heading and its own subheadings never added together. A level finer than any
 * code of the dataset leaves every row out: the answer says so (HS_LEVEL_NOT_IN_DATASET).
 */
export function aggregateLevel(
  dataset: CatalogDataset,
  groupBy: readonly TradeDimension[],
  asked: number | null,
  hsPrefix: string | null,
): AggregateLevel {
  const finest = finestLevel(dataset, hsPrefix);
  const byProduct = groupBy.includes(TradeDimension.PRODUCT);
  const level = asked ?? (byProduct ? finest : (hsPrefix?.length ?? 2));
  if (level <= finest || dataset.flowLevels.length === 0) return { level, warnings: [] };
  const held =
    hsPrefix !== null && dataset.chapterLevels[hsPrefix.slice(0, 2)] !== undefined
      ? `holds HS codes at level ${finest} only under "${hsPrefix.slice(0, 2)}"`
      : `holds HS codes at level ${dataset.flowLevels.join(', ')} only`;
  const message =
    asked === null
      ? `filter.hsPrefix "${hsPrefix}" is an HS-${level} code, but ${nameOf(dataset)} ${held}: no flow can match; use a prefix of ${finest} digits or fewer.`
      : `hsLevel ${level} is finer than any code of ${nameOf(dataset)}, which ${held}: every flow is left out; ask hsLevel ${finest} or leave hsLevel out.`;
  return { level, warnings: [{ code: WarningCode.HS_LEVEL_NOT_IN_DATASET, message }] };
}

/**
 * NO_MATCHING_ROWS when the first page of an aggregate is empty (without dimensions too: the total of no flow is
 * no row), unless a level warning has explained why already.
 */
export function emptyAggregateWarning(dataset: CatalogDataset, rows: readonly unknown[], explained: boolean): TradeWarning | null {
  if (explained || rows.length > 0) return null;
  return {
    code: WarningCode.NO_MATCHING_ROWS,
    message: `No flow of ${nameOf(dataset)} matches the filter: this is no data, not zero trade (check the years, countries and HS prefix it holds).`,
  };
}
