import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRow } from '../database/query';
import { sql } from '../database/sql';
import type { DatasetKind } from '../modules/dataset/dataset-kind';

/** A dataset as the catalog holds it: the entity's fields, what it holds, and the shape of its rows. */
export interface CatalogDataset {
  id: number;
  kind: DatasetKind;
  name: string;
  version: string;
  file: string | null;
  licence: string | null;
  checksum: string | null;
  importedAt: Date;
  rowCount: number;
  hsRevision: number | null;
  /** It holds at least one trade flow. */
  holdsFlows: boolean;
  /** It holds at least one exporter total (export_total). */
  holdsExportTotals: boolean;
  /** It mixes HS levels (Comtrade) or not (BACI): switches the roll-up's ancestor test on. */
  mixed: boolean;
  /** Its world exports are materialised in trade_world_export (built at load for datasets of HS-6 codes alone). */
  worldRollup: boolean;
  /** It has a partition of trade_import_market (built at load for datasets of HS-6 codes alone); see `readsImportMarkets`. */
  importMarkets: boolean;
  /** It has a partition of trade_exporter_year (built at load for datasets of HS-6 codes alone); see aggregate-source.ts. */
  exporterYears: boolean;
  /** It has a partition of trade_importer_year (likewise). */
  importerYears: boolean;
  /** Groups whose import markets it has in trade_group_market (built at load for datasets of HS-6 codes alone), in code order. */
  groupMarkets: string[];
  /** The HS levels (2, 4, 6) its flows' codes are at, in order; empty without flows. Its finest level is the last. */
  flowLevels: number[];
  /**
   * For a dataset that mixes levels, the finest level of its codes in each HS chapter it has ("44" → 4 where chapter
   * 44 is stored as headings); empty for one of HS-6 codes alone (6 in every chapter).
   */
  chapterLevels: Record<string, number>;
  /** How many countries its flows come from (exporters) and go to (importers): an imports-only file has few importers. */
  exporterCount: number;
  importerCount: number;
}

/** The default trade dataset as marked (`npm run datasets -- default`): a dataset's name, and its version when the mark names one. */
export interface DefaultDatasetMark {
  name: string;
  version: string | null;
}

/** A country's place in the UN M49 regions. */
export interface CatalogCountry {
  id: string;
  region: string | null;
  subRegion: string | null;
}

/** Everything the catalog reads, as one statement returns it. */
export interface CatalogRows {
  version: string;
  datasets: CatalogDataset[];
  countries: CatalogCountry[];
  /** Group code → its members' ids in id order (a group without members has none). */
  groups: Record<string, string[]>;
  /** Every HS code of `product`, comma-separated. */
  products: string;
  /** The default_dataset row; null when none is marked. */
  defaultMark: DefaultDatasetMark | null;
}

interface DatasetJson extends Omit<CatalogDataset, 'importedAt' | 'flowLevels' | 'chapterLevels' | 'exporterCount' | 'importerCount'> {
  importedAt: string;
  /** Null for a dataset that mixes levels: the union of its chapters' levels. */
  flowLevels: number[] | null;
  /** Chapter → its levels, in order. */
  chapterLevels: Record<string, number[]>;
  countries: { e: number | string; i: number | string };
}

/** A dataset's row as the catalog keeps it: its levels from its chapters' where it mixes them, its country counts as numbers. */
function catalogDataset({ flowLevels, chapterLevels, countries, ...d }: DatasetJson): CatalogDataset {
  const chapters = Object.entries(chapterLevels);
  return {
    ...d,
    id: Number(d.id),
    rowCount: Number(d.rowCount),
    importedAt: new Date(d.importedAt),
    flowLevels: flowLevels ?? [...new Set(chapters.flatMap(([, levels]) => levels))].sort((a, b) => a - b),
    chapterLevels: Object.fromEntries(chapters.map(([chapter, levels]) => [chapter, Math.max(...levels)])),
    exporterCount: Number(countries.e),
    importerCount: Number(countries.i),
  };
}

/**
 * The whole catalog in one statement, so that its parts and its version come from one snapshot of the
 * database: a version read apart from the rows could name rows it has not seen. What a dataset holds is
 * read by index probes that stop at the first row: `limit 1`, pruned at run time to the dataset's own partition
 * of trade_flow or of a rollup (PostgreSQL plans `exists` here as a semi-join over every partition), and the partial indexes on coarse codes for `mixed`.
 * At 10 M flows and 6,000 products: a few milliseconds, once per change of the data. The levels and country counts
 * of a dataset that mixes HS levels (Comtrade: no rollups) take two passes over its flows, once per change: ~200 ms for the 173,358-row Comtrade wood file (PostgreSQL, a loaded machine).
 */
export async function readCatalog(em: EntityManager): Promise<CatalogRows> {
  const row = await queryRow<Omit<CatalogRows, 'datasets'> & { datasets: DatasetJson[] }>(
    em,
    sql`select (select v.version::text from data_version v) as version,
          (select coalesce(json_agg(json_build_object(
              'id', d.id, 'kind', d.kind, 'name', d.name, 'version', d.version, 'file', d.file, 'licence', d.licence,
              'checksum', d.checksum, 'importedAt', d.imported_at, 'rowCount', d.row_count, 'hsRevision', d.hs_revision,
              'holdsFlows', s.flows, 'holdsExportTotals', s.totals,
              'mixed', s.coarse_flows or s.coarse_totals, 'worldRollup', s.world, 'importMarkets', s.markets,
              'exporterYears', s.exporter_years, 'importerYears', s.importer_years, 'groupMarkets', s.group_markets,
              'flowLevels', l.levels, 'chapterLevels', l.chapters, 'countries', l.countries) order by d.id), '[]')
           from dataset d cross join lateral (select
              coalesce((select true from trade_flow f where f.dataset_id = d.id limit 1), false) as flows,
              coalesce((select true from export_total e where e.dataset_id = d.id limit 1), false) as totals,
              exists (select 1 from trade_flow f where f.dataset_id = d.id and length(f.product_code) < 6) as coarse_flows,
              exists (select 1 from export_total e where e.dataset_id = d.id and length(e.product_code) < 6) as coarse_totals,
              coalesce((select true from trade_world_export w where w.dataset_id = d.id limit 1), false) as world,
              coalesce((select true from trade_import_market m where m.dataset_id = d.id limit 1), false) as markets,
              coalesce((select true from trade_exporter_year x where x.dataset_id = d.id limit 1), false) as exporter_years,
              coalesce((select true from trade_importer_year x where x.dataset_id = d.id limit 1), false) as importer_years,
              array(select g.id from country_group g
                    where coalesce((select true from trade_group_market gm where gm.dataset_id = d.id and gm.group_id = g.id limit 1), false)
                    order by g.id) as group_markets) s
           cross join lateral (select
              -- A dataset of HS-6 codes alone (no coarse code) is at level 6 in every chapter; only one that mixes levels
              -- is read for them, in one pass: each chapter's levels (the dataset's levels are their union, see below).
              case when not s.flows then '{}'::int[] when not s.coarse_flows then array[6] end as levels,
              case when not s.coarse_flows then '{}'::json
                   else (select json_object_agg(c.chapter, c.levels) from (select left(f.product_code, 2) as chapter,
                           array_agg(distinct length(f.product_code) order by length(f.product_code)) as levels
                         from trade_flow f where f.dataset_id = d.id group by 1) c) end as chapters,
              -- The country-year rollups (a few thousand rows) answer where the dataset has them; its flows otherwise, in one pass.
              case when not s.flows then json_build_object('e', 0, 'i', 0)
                   when s.exporter_years and s.importer_years then json_build_object(
                     'e', (select count(distinct x.exporter_id) from trade_exporter_year x where x.dataset_id = d.id),
                     'i', (select count(distinct x.importer_id) from trade_importer_year x where x.dataset_id = d.id))
                   else (select json_build_object('e', count(distinct f.exporter_id), 'i', count(distinct f.importer_id))
                         from trade_flow f where f.dataset_id = d.id) end as countries) l) as datasets,
          (select coalesce(json_agg(json_build_object('id', c.id, 'region', c.region, 'subRegion', c.sub_region) order by c.id), '[]')
           from country c) as countries,
          (select coalesce(json_object_agg(g.id, g.members), '{}') from (
             select g.id, coalesce(array_agg(m.country_id order by m.country_id) filter (where m.country_id is not null), '{}') as members
             from country_group g left join country_group_member m on m.group_id = g.id group by g.id) g) as groups,
          (select coalesce(string_agg(p.code, ',' order by p.code), '') from product p) as products,
          (select json_build_object('name', m.name, 'version', m.version) from default_dataset m) as "defaultMark"`,
  );
  return { ...row, datasets: row.datasets.map(catalogDataset) };
}
