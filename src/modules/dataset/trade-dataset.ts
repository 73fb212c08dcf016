import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql, type Sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { parseNumericId } from '../../graphql/ids';
import { DatasetKind } from './dataset-kind';
import { Dataset } from './dataset.entity';

/** Which datasets can serve a figure by default, and how errors name them. */
interface DatasetDefault {
  /** SQL condition on dataset `d`: it holds rows the figure can use. */
  holds: Sql;
  /** What those rows are, for messages ("trade flows"). */
  what: string;
  /** Kinds of dataset that can hold such rows; a dataset named in the argument must be one of them. */
  kinds: DatasetKind[];
}

// Each condition is a `limit 1` probe per dataset, not `exists`: PostgreSQL plans `exists (… where f.dataset_id
// = d.id)` as a semi-join that scans and groups every flow (1.4 s at 10 M flows), while the correlated
// `limit 1` is pruned at run time to the dataset's own partition and stops at its first row (0.8 ms, EXPLAIN
// ANALYZE on the 10 M database). The process-wide catalog (./catalog) is to take these lookups over.
const FLOWS: DatasetDefault = {
  holds: sql`(select true from trade_flow f where f.dataset_id = d.id limit 1)`,
  what: 'trade flows',
  kinds: [DatasetKind.BACI, DatasetKind.COMTRADE, DatasetKind.SYNTHETIC],
};
const EXPORTS: DatasetDefault = {
  holds: sql`coalesce(${FLOWS.holds}, (select true from export_total e where e.dataset_id = d.id limit 1), false)`,
  what: 'trade flows or export totals',
  kinds: [...FLOWS.kinds, DatasetKind.EXPORT_TOTALS],
};

async function resolveDataset(
  em: EntityManager,
  id: string | null | undefined,
  argument: string,
  fallback: DatasetDefault,
): Promise<Dataset> {
  if (id != null) {
    const dataset = await em.findOne(Dataset, parseNumericId(id, argument, 'dataset'));
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
  const rows = await queryRows<{ datasetId: number }>(
    em,
    sql`select d.id as "datasetId" from dataset d where ${fallback.holds} order by d.id limit 10`,
  );
  if (rows.length === 1) return em.findOneOrFail(Dataset, rows[0].datasetId);
  if (rows.length === 0)
    throw new AppError(ErrorCode.UNKNOWN_DATASET, `No dataset holds ${fallback.what} yet: import one (npm run import).`, { argument });
  throw new AppError(
    ErrorCode.INVALID_ARGUMENT,
    `${argument} is required: several datasets hold ${fallback.what} (ids ${rows.map((r) => r.datasetId).join(', ')}), and figures from two sources are never added.`,
    { argument },
  );
}

/**
 * The one dataset a trade figure is computed from: the one named, or — when none is named — the only
 * dataset that holds trade flows. With several and none named, the caller must choose: adding BACI to
 * Comtrade (or two BACI releases) would count the same trade twice.
 */
export function resolveTradeDataset(em: EntityManager, id: string | null | undefined, argument = 'dataset'): Promise<Dataset> {
  return resolveDataset(em, id, argument, FLOWS);
}

/**
 * The one dataset a specialisation figure (RCA, ECI/PCI) is computed from: the one named, or the only
 * dataset that holds exports of any kind — bilateral flows (summed over importers) or exporter totals.
 * Several and none named is an error, as for trade figures: BACI and the Growth Lab's totals of the same
 * trade are never added.
 */
export function resolveExportDataset(em: EntityManager, id: string | null | undefined, argument = 'dataset'): Promise<Dataset> {
  return resolveDataset(em, id, argument, EXPORTS);
}
