import type { CatalogDataset } from '../../catalog/catalog';

/**
 * The datasets an operation's figures were computed from, by id, in the order first used. A request that
 * must say where its rows came from (an export: its columns and headers) puts one in its context
 * (`GraphQLContext.datasetsUsed`); resolvers record the dataset they chose with {@link recordDataset}.
 * Apollo copies the context per operation, and the copies share this one object.
 */
export type DatasetsUsed = Map<number, CatalogDataset>;

/** Records `dataset` as used by the operation (where its context collects them) and returns it. */
export function recordDataset<D extends CatalogDataset>(ctx: { datasetsUsed?: DatasetsUsed }, dataset: D): D {
  if (ctx.datasetsUsed && !ctx.datasetsUsed.has(dataset.id)) ctx.datasetsUsed.set(dataset.id, dataset);
  return dataset;
}

/**
 * Records the datasets rows were loaded from (each row's dataset id), as far as the catalog knows them: for
 * lists whose rows carry their own dataset (sourcing links come from the brand disclosures that listed them).
 */
export async function recordDatasetsOf(
  ctx: { datasetsUsed?: DatasetsUsed; catalog: { snapshot(): Promise<{ dataset(id: number): CatalogDataset | undefined }> } },
  datasetIds: Iterable<number | null | undefined>,
): Promise<void> {
  if (!ctx.datasetsUsed) return;
  const catalog = await ctx.catalog.snapshot();
  for (const id of datasetIds) {
    const dataset = id == null ? undefined : catalog.dataset(id);
    if (dataset) recordDataset(ctx, dataset);
  }
}
