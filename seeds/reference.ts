import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../src/database/query';
import { sql } from '../src/database/sql';
import { tableQuery, upsertRows } from '../src/database/upsert';
import { buildCountryRows } from './data/countries';
import { COUNTRY_GROUPS } from './data/country-groups';
import { FORMER_COUNTRIES } from './data/former-countries';
import { HS_CHAPTERS, HS_SECTIONS } from './data/hs-nomenclature';
import { PRODUCT_TYPES } from './data/product-types';

/** A product row for an HS heading that the loaded nomenclature may not describe yet (see ensureProductCodes). */
function placeholderProduct(code: string) {
  const chapter = HS_CHAPTERS.find((c) => c.code === code.slice(0, 2));
  return {
    code,
    level: code.length,
    description: `HS ${code} (not in the loaded nomenclature)`,
    parent_code: code.slice(0, code.length - 2),
    section_id: chapter?.section ?? null,
    hs_revision: 'HS2022',
  };
}

/**
 * True reference data every installation needs: ISO countries with UN M49 regions (and the former
 * countries older trade data reports), country groups,
 * the 21 HS sections and 97 chapters, and the product-type ↔ HS and product-type → input mappings. Idempotent: it upserts, and
 * removes group members and mappings that the current lists no longer have.
 */
export async function seedReference(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await upsertRows(
      tx,
      'country',
      [...buildCountryRows().map((c) => ({ ...c, dissolvedIn: null as number | null })), ...FORMER_COUNTRIES].map((c) => ({
        id: c.id,
        alpha2: c.alpha2,
        numeric_code: c.numericCode,
        name: c.name,
        region: c.region,
        sub_region: c.subRegion,
        intermediate_region: c.intermediateRegion,
        dissolved_in: c.dissolvedIn,
      })),
      ['id'],
    );
    await upsertRows(
      tx,
      'country_group',
      COUNTRY_GROUPS.map((g) => ({ id: g.id, name: g.name, description: g.description })),
      ['id'],
    );
    await upsertRows(
      tx,
      'country_group_member',
      COUNTRY_GROUPS.flatMap((g) => g.members.map((country) => ({ group_id: g.id, country_id: country }))),
      ['group_id', 'country_id'],
      'ignore',
    );
    for (const group of COUNTRY_GROUPS) {
      await tableQuery(tx, 'country_group_member').where('group_id', group.id).whereNotIn('country_id', group.members).delete();
    }
    await upsertRows(
      tx,
      'hs_section',
      HS_SECTIONS.map((s) => ({ id: s.id, roman: s.roman, name: s.name })),
      ['id'],
    );
    await upsertRows(
      tx,
      'product',
      HS_CHAPTERS.map((c) => ({
        code: c.code,
        level: 2,
        description: c.description,
        parent_code: null,
        section_id: c.section,
        hs_revision: 'HS2022',
      })),
      ['code'],
    );
    await upsertRows(
      tx,
      'product_type',
      PRODUCT_TYPES.map((t) => ({ id: t.id, name: t.name, description: t.description })),
      ['id'],
    );
    await upsertRows(
      tx,
      'product_type_hs',
      PRODUCT_TYPES.flatMap((t) => t.hsCodes.map((code) => ({ product_type_id: t.id, product_code: code }))),
      ['product_type_id', 'product_code'],
      'ignore',
    );
    for (const type of PRODUCT_TYPES) {
      await tableQuery(tx, 'product_type_hs').where('product_type_id', type.id).whereNotIn('product_code', type.hsCodes).delete();
    }
    // A database migrated only up to a migration before the input mapping's (tests of data-moving migrations
    // seed such databases) gets the rest of the reference data; the next seed after migrating writes the mapping.
    const [{ inputTable }] = await queryRows<{ inputTable: string | null }>(
      tx,
      sql`select to_regclass('product_type_input')::text as "inputTable"`,
    );
    if (inputTable !== null) await seedInputMapping(tx);
  });
}

/**
 * A database seeded before the input mapping existed (its migration, Migration20261205182000, creates the
 * table empty) gets the mapping the code ships, once: at the first start after the upgrade, instead of every
 * brand's upstream exposure reading as uncovered until someone seeds again. True when it wrote it.
 */
export async function seedMissingInputMapping(em: EntityManager): Promise<boolean> {
  if (!PRODUCT_TYPES.some((t) => t.inputs.length > 0)) return false;
  // Not migrated that far (a server started without MIGRATE_ON_START): nothing to fill yet.
  const [{ table }] = await queryRows<{ table: string | null }>(em, sql`select to_regclass('product_type_input')::text as "table"`);
  if (table === null) return false;
  const [{ missing }] = await queryRows<{ missing: boolean }>(
    em,
    sql`select exists (select 1 from product_type) and not exists (select 1 from product_type_input) as missing`,
  );
  if (!missing) return false;
  await em.transactional((tx) => seedInputMapping(tx));
  return true;
}

/**
 * The product-type → input-HS mapping (upstream exposure). It names headings the reference data does not
 * describe: they are created as placeholders, as a trade load would create them, and a nomenclature import
 * describes them.
 */
async function seedInputMapping(tx: EntityManager): Promise<void> {
  const inputCodes = [...new Set(PRODUCT_TYPES.flatMap((t) => t.inputs))].sort();
  await upsertRows(tx, 'product', inputCodes.filter((code) => code.length > 2).map(placeholderProduct), ['code'], 'ignore');
  await upsertRows(
    tx,
    'product_type_input',
    PRODUCT_TYPES.flatMap((t) => t.inputs.map((code) => ({ product_type_id: t.id, product_code: code }))),
    ['product_type_id', 'product_code'],
    'ignore',
  );
  for (const type of PRODUCT_TYPES) {
    await tableQuery(tx, 'product_type_input').where('product_type_id', type.id).whereNotIn('product_code', type.inputs).delete();
  }
}
