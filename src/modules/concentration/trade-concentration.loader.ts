import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import type { ConcentrationRow, MarketStatistics } from './concentration.result';
import { tradeConcentrations, type TradeMarketArgs } from './trade-concentration.sql';

/** Concentration (or statistics) of many trade markets of one kind in one statement per argument set (`tradeConcentrations`). */
export function createTradeConcentrationLoader(em: EntityManager, args: TradeMarketArgs) {
  return new DataLoader<string, ConcentrationRow | MarketStatistics | undefined>(
    async (keys) => alignOne(keys, await tradeConcentrations(em, args, keys), (m) => m.key).map((m) => m?.row),
    { maxBatchSize: MAX_BATCH },
  );
}
