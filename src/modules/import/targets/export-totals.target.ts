import { columnList, type BulkSession } from '../../../database/bulk/bulk-session';
import type { CopyValue } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { ensureProductCodes } from '../../product/placeholder-products';
import { ImportError } from '../import-error';
import type { ExportTotalRecord } from '../types';
import type { Lined } from '../validated-rows';
import { stageTimer } from './stage-timer';
import { firstRepeatedKey, stagingTable, withStaging } from './staging';

const STAGE = stagingTable('import_export_total');

/**
 * Loads a dataset's exporter totals into export_total: COPY into a staging table that also keeps each
 * row's source line, so that a repeated (year, exporter, product) is reported by line; creates product
 * codes the nomenclature does not have yet (with their headings and chapters), as the flows target does;
 * then moves the rows in one INSERT … SELECT. The dataset row is removed with its rows (ON DELETE CASCADE)
 * when a newer release replaces it.
 */
export async function loadExportTotals(
  session: BulkSession,
  file: string,
  datasetId: number,
  hsRevisionLabel: string,
  rows: AsyncIterable<Lined<ExportTotalRecord>>,
  /** Seconds spent in each stage, for the summary. */
  stages: Record<string, number> = {},
): Promise<number> {
  const stage = stageTimer(stages);
  return withStaging(
    session,
    STAGE,
    sql`year smallint, exporter_id char(3), product_code varchar(6), value_usd numeric(20,3), source_line integer`,
    async () => {
      const written = await session.copy(
        STAGE,
        columnList(['year', 'exporter_id', 'product_code', 'value_usd', 'source_line']),
        (async function* (): AsyncGenerator<readonly CopyValue[]> {
          for await (const { line, row } of rows) yield [row.year, row.exporter, row.product, row.valueUsd, line];
        })(),
      );
      stage('read + COPY');

      const repeated = await firstRepeatedKey<{ year: number; exporter_id: string; product_code: string }>(
        session,
        STAGE,
        ['year', 'exporter_id', 'product_code'],
        'source_line',
      );
      if (repeated) {
        throw new ImportError(
          file,
          repeated.lines[1],
          `duplicate export total ${repeated.year} ${repeated.exporter_id} HS ${repeated.product_code}: also on line ${repeated.lines[0]}; a dataset holds one value per year, exporter and product`,
        );
      }
      stage('natural key');

      await ensureProductCodes(session, sql`select distinct product_code as code from ${STAGE}`, hsRevisionLabel);
      stage('new product codes');

      await session.query(
        sql`insert into export_total (dataset_id, year, exporter_id, product_code, value_usd)
       select ${datasetId}, year, exporter_id, product_code, value_usd from ${STAGE} order by year, exporter_id, product_code`,
      );
      stage('insert');
      return written;
    },
  );
}
