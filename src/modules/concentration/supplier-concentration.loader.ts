import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { supplierMarkets, type SupplierMarket, type SupplierMarketArgs } from './supplier-concentration.sql';

/** Supplier concentration of many brands in one statement per argument set (`supplierMarkets`). */
export function createSupplierConcentrationLoader(em: EntityManager, args: SupplierMarketArgs) {
  return new DataLoader<number, SupplierMarket>(
    async (brandIds) => {
      const markets = alignOne(brandIds, await supplierMarkets(em, brandIds, args), (m) => m.brandId);
      // No links by then: no disclosure was read (null), whatever date was asked.
      return brandIds.map((brandId, i) => markets[i] ?? { brandId, asOf: null, unknownCapacity: 0, row: undefined });
    },
    { maxBatchSize: MAX_BATCH },
  );
}
