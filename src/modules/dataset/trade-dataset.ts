import type { CatalogDataset, CatalogSnapshot } from '../../catalog/catalog';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { DatasetKind } from './dataset-kind';
import { recordDataset } from './datasets-used';

/** Which datasets can serve a figure by default, and how errors name them. */
interface DatasetDefault {
  /** It holds rows the figure can use. */
  holds: (d: CatalogDataset) => boolean;
  /** What those rows are, for messages ("trade flows"). */
  what: string;
  /** Kinds of dataset that can hold such rows; a dataset named in the argument must be one of them. */
  kinds: DatasetKind[];
}

const FLOWS: DatasetDefault = {
  holds: (d) => d.holdsFlows,
  what: 'trade flows',
  kinds: [DatasetKind.BACI, DatasetKind.COMTRADE, DatasetKind.FLOWS, DatasetKind.SYNTHETIC],
};
const EXPORTS: DatasetDefault = {
  holds: (d) => d.holdsFlows || d.holdsExportTotals,
  what: 'trade flows or export totals',
  kinds: [...FLOWS.kinds, DatasetKind.EXPORT_TOTALS],
};

/** Answered from the catalog: which datasets exist and what each holds is known without a statement. */
function resolveDataset(
  catalog: CatalogSnapshot,
  id: string | null | undefined,
  argument: string,
  fallback: DatasetDefault,
): CatalogDataset {
  if (id != null) {
    const dataset = catalog.dataset(parseNumericId(id, argument, 'dataset'));
    if (!dataset) throw new AppError(ErrorCode.UNKNOWN_DATASET, `${argument}: no dataset with id ${id}.`, { argument, value: id });
    // A brand disclosure or exporter totals named for a bilateral figure would give a silent empty answer.
    if (!fallback.kinds.includes(dataset.kind)) {
      throw new AppError(
        ErrorCode.INVALID_ARGUMENT,
        `${argument}: dataset ${id} is a ${dataset.kind} dataset, which holds no ${fallback.what}.`,
        { argument, value: id },
      );
    }
    return dataset;
  }
  const holding = catalog.datasets.filter(fallback.holds);
  if (holding.length === 1) return holding[0];
  if (holding.length === 0)
    throw new AppError(ErrorCode.UNKNOWN_DATASET, `No dataset holds ${fallback.what} yet: import one (npm run import).`, { argument });
  throw new AppError(
    ErrorCode.INVALID_ARGUMENT,
    `${argument} is required: several datasets hold ${fallback.what} (ids ${holding
      .slice(0, 10)
      .map((d) => d.id)
      .join(', ')}), and figures from two sources are never added.`,
    { argument },
  );
}

/**
 * The one dataset a trade figure is computed from: the one named, or — when none is named — the only
 * dataset that holds trade flows. With several and none named, the caller must choose: adding BACI to
 * Comtrade (or two BACI releases) would count the same trade twice.
 */
export async function resolveTradeDataset(
  ctx: GraphQLContext,
  id: string | null | undefined,
  argument = 'dataset',
): Promise<CatalogDataset> {
  return recordDataset(ctx, resolveTradeDatasetIn(await ctx.catalog.snapshot(), id, argument));
}

/** {@link resolveTradeDataset} on a catalog snapshot already in hand. */
export function resolveTradeDatasetIn(catalog: CatalogSnapshot, id: string | null | undefined, argument = 'dataset'): CatalogDataset {
  return resolveDataset(catalog, id, argument, FLOWS);
}

/**
 * The one dataset a specialisation figure (RCA, ECI/PCI) is computed from: the one named, or the only
 * dataset that holds exports of any kind — bilateral flows (summed over importers) or exporter totals.
 * Several and none named is an error, as for trade figures: BACI and the Growth Lab's totals of the same
 * trade are never added.
 */
export async function resolveExportDataset(
  ctx: GraphQLContext,
  id: string | null | undefined,
  argument = 'dataset',
): Promise<CatalogDataset> {
  return recordDataset(ctx, resolveDataset(await ctx.catalog.snapshot(), id, argument, EXPORTS));
}
