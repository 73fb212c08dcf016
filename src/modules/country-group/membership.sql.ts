import { ident, inList, join, list, sql, type Sql } from '../../database/sql';

/**
 * Which countries a filter or a market names, read from the one place each kind of membership lives:
 * `country_group_member` for groups (EU27, ASEAN…), the `region` / `sub_region` columns of `country` for
 * UN M49 regions. Every query that restricts a side of a flow to a group or a region uses these
 * sub-selects, so membership is resolved by PostgreSQL in the same statement, never fetched into Node and
 * sent back as an id list; the loaders of groups' members and countries' groups read the same table
 * through `groupMemberships`.
 *
 * Arguments are validated before (the group or region must exist: `requireGroup`, `requireRegionName`;
 * the countries: `requireCountries`); the fragments only read. Ids are the char(3) of `country.id`, the
 * type of every country column (trade_flow's exporter and importer too), so comparisons keep their indexes.
 */
export type Membership =
  | { kind: 'countries'; ids: readonly string[] }
  | { kind: 'group'; code: string }
  | { kind: 'region'; level: 'region' | 'sub_region'; name: string };

/** A sub-select of the alpha-3 ids of the members, as column `country_id` (for `x in (…)`). */
export function memberIds(m: Membership): Sql {
  switch (m.kind) {
    case 'countries':
      return m.ids.length === 0
        ? sql`select c.id as country_id from country c where false`
        : sql`select c.id as country_id from country c where c.id in (${list(m.ids)})`;
    case 'group':
      return sql`select m.country_id from country_group_member m where m.group_id = ${m.code}`;
    case 'region':
      return sql`select c.id as country_id from country c where ${ident(m.level === 'region' ? 'c.region' : 'c.sub_region', ['c.region', 'c.sub_region'])} = ${m.name}`;
  }
}

/**
 * `column` is a member of every membership: the intersection of several, one condition each. A list of
 * countries is compared as the list itself (`column in (?, ?)`); a group or a region as
 * `column = any(array(sub-select))`, which PostgreSQL evaluates once (an InitPlan) and then uses exactly like
 * a bound list: an index condition on (year, exporter_id, …) or a filter of a scan in id order. The plain
 * `column in (sub-select)` would be planned as a join instead, and lose those indexes.
 */
export function memberOfAll(column: Sql, memberships: readonly Membership[]): Sql {
  if (memberships.length === 0) return sql`true`;
  return join(
    memberships.map((m) => (m.kind === 'countries' ? inList(column, m.ids) : sql`${column} = any(array(${memberIds(m)}))`)),
    ' and ',
  );
}

/**
 * The (group_id, country_id) rows of the groups `groups`, or of the countries `countries`: what the
 * batched loaders of a group's members and of a country's groups join on.
 */
export function groupMemberships(of: { groups: readonly string[] } | { countries: readonly string[] }): Sql {
  const condition = 'groups' in of ? inList(sql`m.group_id`, of.groups) : inList(sql`m.country_id`, of.countries);
  return sql`select m.group_id, m.country_id from country_group_member m where ${condition}`;
}
