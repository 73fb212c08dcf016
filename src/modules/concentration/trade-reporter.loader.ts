import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { inList, sql } from '../../database/sql';
import { groupMemberships } from '../country-group/membership.sql';
import type { TradeReporter } from './trade-reporter';

/** A row of the lookup: a country (its own member) or a group and one of its members (null for a group without any). */
interface ReporterRow {
  code: string;
  member: string | null;
  isGroup: boolean;
}

/**
 * The reporters upper-cased codes name (null where none): the per-request `tradeReporter` loader's batch,
 * in one statement for the countries and the groups of the batch. A code that names a country is that
 * country, else a group's code is that group, its members in id order.
 */
export async function lookupReporters(em: EntityManager, codes: readonly string[]): Promise<Array<TradeReporter | null>> {
  const countryCodes = codes.filter((c) => /^[A-Z]{3}$/.test(c));
  const rows = await queryRows<ReporterRow>(
    em,
    sql`select c.id::text as code, c.id::text as member, false as "isGroup" from country c where ${inList(sql`c.id`, countryCodes)}
        union all
        select g.id, m.country_id::text, true from country_group g left join (${groupMemberships({ groups: codes })}) m on m.group_id = g.id
        where ${inList(sql`g.id`, codes)}
        order by member`,
  );
  const countries = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const { code, member, isGroup } of rows) {
    if (!isGroup) countries.add(code.trim());
    else {
      const members = groups.get(code) ?? [];
      if (member !== null) members.push(member.trim());
      groups.set(code, members);
    }
  }
  return codes.map((code) => {
    if (countries.has(code)) return { code, members: [code], group: false };
    const members = groups.get(code);
    return members ? { code, members, group: true } : null;
  });
}
