/** Tables derived from a dataset's flows, partitioned by dataset like trade_flow (see their migrations and rollup-partition.ts). */
export const ROLLUP_TABLES = [
  'trade_world_export',
  'trade_import_market',
  'trade_exporter_year',
  'trade_importer_year',
  'trade_group_market',
] as const;

/**
 * Every table of the schema, by what a write to it means for the data version (src/catalog). A write to a
 * data table changes answers: a trigger bumps `data_version` (migration 20261203100000), and every API
 * process drops its catalog and its cached responses. Operational tables change no answer. A test checks
 * that the two lists cover the schema, so that a new table cannot be forgotten.
 */
export const DATA_TABLES = [
  'hs_section',
  'product',
  'product_type',
  'product_type_hs',
  'product_type_input',
  'country',
  'country_group',
  'country_group_member',
  'dataset',
  'default_dataset',
  'brand',
  'manufacturer',
  'facility',
  'sourcing_link',
  'trade_flow',
  'export_total',
  ...ROLLUP_TABLES,
] as const;

/** Tables no answer is computed from: API keys and MikroORM's record of migrations. */
export const OPERATIONAL_TABLES = ['api_key', 'mikro_orm_migrations', 'data_version'] as const;
