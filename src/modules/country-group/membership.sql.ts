import { ident, join, list, sql, type Sql } from '../../database/sql';

/**
 * Which countries a filter or a market names, read from the one place each kind of membership lives:
 * `country_group_member` for groups (EU27, ASEAN…), the `region` / `sub_region` columns of `country` for
 * UN M49 regions. Every query that restricts a side of a flow to a group or a region uses these
 * sub-selects, so membership is resolved by PostgreSQL in the same statement, never fetched into Node and
 * sent back as an id list.
 *
 * Arguments are validated before (the group or region must exist: `requireGroupMembers`,
 * `requireRegionName`); the fragments only read.
 */
export type Membership =
  | { kind: 'countries'; ids: readonly string[] }
  | { kind: 'group'; code: string }
  | { kind: 'region'; level: 'region' | 'sub_region'; name: string };

/** A sub-select of the alpha-3 ids of the members (for `x in (…)`). */
export function memberIds(m: Membership): Sql {
  switch (m.kind) {
    case 'countries':
      return m.ids.length === 0
        ? sql`select c.id from country c where false`
        : sql`select c.id from country c where c.id in (${list(m.ids)})`;
    case 'group':
      return sql`select m.country_id from country_group_member m where m.group_id = ${m.code}`;
    case 'region':
      return sql`select c.id from country c where ${ident(m.level === 'region' ? 'c.region' : 'c.sub_region', ['c.region', 'c.sub_region'])} = ${m.name}`;
  }
}

/** `column in (members of every membership)`: the intersection of several, one sub-select each. */
export function memberOfAll(column: Sql, memberships: readonly Membership[]): Sql {
  if (memberships.length === 0) return sql`true`;
  return join(
    memberships.map((m) => sql`${column} in (${memberIds(m)})`),
    ' and ',
  );
}
