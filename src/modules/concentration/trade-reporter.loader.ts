import type { EntityManager } from '@mikro-orm/postgresql';
import { Country } from '../country/country.entity';
import { groupMembers } from '../country-group/country-group.lookup';
import type { TradeReporter } from './trade-reporter';

/**
 * The reporters upper-cased codes name (null where none): the per-request `tradeReporter` loader's batch,
 * one statement for the countries of the batch and one per group code.
 */
export async function lookupReporters(em: EntityManager, codes: readonly string[]): Promise<Array<TradeReporter | null>> {
  const countries = new Set((await em.find(Country, { id: { $in: codes.filter((c) => /^[A-Z]{3}$/.test(c)) } }, { fields: ['id'] })).map((c) => c.id));
  return Promise.all(
    codes.map(async (code) => {
      if (countries.has(code)) return { code, members: [code], group: false };
      const members = await groupMembers(em, code);
      return members ? { code, members, group: true } : null;
    }),
  );
}
