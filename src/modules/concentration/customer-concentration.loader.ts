import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { customerMarkets, type CustomerMarket, type CustomerMarketArgs } from './customer-concentration.sql';

/** Customer concentration of many manufacturers in one statement per argument set (`customerMarkets`). */
export function createCustomerConcentrationLoader(em: EntityManager, args: CustomerMarketArgs) {
  return new DataLoader<number, CustomerMarket>(
    async (manufacturerIds) => {
      const markets = alignOne(manufacturerIds, await customerMarkets(em, manufacturerIds, args), (m) => m.manufacturerId);
      return manufacturerIds.map((manufacturerId, i) => markets[i] ?? { manufacturerId, row: undefined, unknownCapacity: 0 });
    },
    { maxBatchSize: MAX_BATCH },
  );
}
