import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { alignMany, alignOne, LoaderFamily, MAX_BATCH } from '../../graphql/loader-utils';
import type { IndicatorScope } from './indicators.sql';
import {
  profileCounts,
  profileDependencies,
  profileShares,
  profileSourcing,
  profileTotals,
  type ProfileCountsRow,
  type ProfileDependencyRow,
  type ProfileShareRow,
  type ProfileSourcingRow,
  type ProfileTotalsRow,
} from './profile.sql';

/** A loader of one row per country, from one statement per batch of countries. */
function perCountry<A, R extends { countryId: string }>(read: (args: A, countries: readonly string[]) => Promise<R[]>) {
  return new LoaderFamily<A, string, R | null>(
    (args) =>
      new DataLoader<string, R | null>(async (keys) => alignOne(keys, await read(args, keys), (r) => r.countryId), {
        maxBatchSize: MAX_BATCH,
      }),
  );
}

/**
 * The loaders of the country profile's parts: each part of every profile of a request in one statement (per
 * dataset, year and argument value).
 */
export function createProfileLoaders(em: EntityManager) {
  return {
    totals: perCountry<IndicatorScope, ProfileTotalsRow>((q, countries) => profileTotals(em, { ...q, countries })),
    counts: perCountry<IndicatorScope & { threshold: number }, ProfileCountsRow>((q, countries) => profileCounts(em, { ...q, countries })),
    dependencies: perCountry<IndicatorScope, ProfileDependencyRow>((q, countries) => profileDependencies(em, { ...q, countries })),
    sourcing: perCountry<Record<string, never>, ProfileSourcingRow>((_q, countries) => profileSourcing(em, countries)),
    shares: new LoaderFamily<IndicatorScope & { first: number }, string, ProfileShareRow[]>(
      (q) =>
        new DataLoader<string, ProfileShareRow[]>(
          async (keys) => alignMany(keys, await profileShares(em, { ...q, countries: keys }), (r) => r.countryId),
          { maxBatchSize: MAX_BATCH },
        ),
    ),
  };
}
