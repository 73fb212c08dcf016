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

/** Whether a dataset is the one the default mark names (by name, and by version when the mark has one). */
export function isMarkedDefault(catalog: CatalogSnapshot, dataset: Pick<CatalogDataset, 'name' | 'version'>): boolean {
  const mark = catalog.defaultMark;
  return mark !== null && mark.name === dataset.name && (mark.version === null || mark.version === dataset.version);
}

/**
 * The dataset a figure is computed from when its query names none (README "Several datasets"): the dataset
 * marked default (`npm run datasets -- default <name> [<version>]`; the first BACI or Comtrade dataset loaded is
 * marked so at its load) when it holds such rows; otherwise the first loaded of those that hold them, real data
 * before synthetic (the demo seed's). Undefined when no dataset holds any.
 */
function defaultDatasetFor(catalog: CatalogSnapshot, fallback: DatasetDefault): CatalogDataset | undefined {
  const holding = catalog.datasets.filter(fallback.holds);
  const marked = holding.find((d) => isMarkedDefault(catalog, d));
  if (marked) return marked;
  const byLoad = [...holding].sort((a, b) => a.importedAt.getTime() - b.importedAt.getTime() || a.id - b.id);
  return byLoad.find((d) => d.kind !== DatasetKind.SYNTHETIC) ?? byLoad[0];
}

/** The default trade dataset: what trade figures without a `dataset` argument are computed from (see defaultDatasetFor). */
export function defaultTradeDataset(catalog: CatalogSnapshot): CatalogDataset | undefined {
  return defaultDatasetFor(catalog, FLOWS);
}

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
  const dataset = defaultDatasetFor(catalog, fallback);
  if (!dataset)
    throw new AppError(ErrorCode.UNKNOWN_DATASET, `No dataset holds ${fallback.what} yet: import one (npm run import).`, { argument });
  return dataset;
}

/**
 * The one dataset a trade figure is computed from: the one named, or — when none is named — the default trade
 * dataset (defaultDatasetFor). Figures from two datasets are never added: BACI and Comtrade (or two BACI
 * releases) would count the same trade twice.
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
 * The one dataset a specialisation figure (RCA, ECI/PCI) is computed from: the one named, or by default the
 * default trade dataset when it holds exports, else the first loaded that holds exports of any kind — bilateral
 * flows (summed over importers) or exporter totals. BACI and the Growth Lab's totals of the same trade are never
 * added.
 */
export async function resolveExportDataset(
  ctx: GraphQLContext,
  id: string | null | undefined,
  argument = 'dataset',
): Promise<CatalogDataset> {
  return recordDataset(ctx, resolveDataset(await ctx.catalog.snapshot(), id, argument, EXPORTS));
}
