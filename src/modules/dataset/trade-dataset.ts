import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { parseNumericId } from '../../graphql/ids';
import { Dataset } from './dataset.entity';

/**
 * The one dataset a trade figure is computed from: the one named, or — when none is named — the only
 * dataset that holds trade flows. With several and none named, the caller must choose: adding BACI to
 * Comtrade (or two BACI releases) would count the same trade twice.
 */
export async function resolveTradeDataset(em: EntityManager, id: string | null | undefined, argument = 'dataset'): Promise<Dataset> {
  if (id != null) {
    const dataset = await em.findOne(Dataset, parseNumericId(id, argument, 'dataset'));
    if (!dataset) throw new AppError(ErrorCode.UNKNOWN_DATASET, `${argument}: no dataset with id ${id}.`, { argument, value: id });
    return dataset;
  }
  const rows: Array<{ dataset_id: number }> = await em
    .getConnection()
    .execute('select d.id as dataset_id from dataset d where exists (select 1 from trade_flow f where f.dataset_id = d.id) order by d.id limit 10');
  if (rows.length === 1) return em.findOneOrFail(Dataset, rows[0].dataset_id);
  if (rows.length === 0) throw new AppError(ErrorCode.UNKNOWN_DATASET, 'No dataset holds trade flows yet: import one (npm run import).', { argument });
  throw new AppError(ErrorCode.INVALID_ARGUMENT, `${argument} is required: several datasets hold trade flows (ids ${rows.map((r) => r.dataset_id).join(', ')}), and figures from two sources are never added.`, {
    argument,
  });
}
