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
