import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { upstreamMarkets, type UpstreamArgs, type UpstreamMarket } from './upstream-exposure.sql';

/** Upstream exposure of many brands in one statement per argument set (`upstreamMarkets`); null = no disclosure by then. */
export function createUpstreamExposureLoader(em: EntityManager, args: UpstreamArgs) {
  return new DataLoader<number, UpstreamMarket | null>(
    async (brandIds) => alignOne(brandIds, await upstreamMarkets(em, brandIds, args), (m) => m.brandId),
    { maxBatchSize: MAX_BATCH },
  );
}
