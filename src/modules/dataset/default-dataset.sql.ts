import type { EntityManager } from '@mikro-orm/postgresql';
import { CatalogSnapshot, type CatalogDataset } from '../../catalog/catalog';
import { readCatalog } from '../../catalog/catalog.sql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';

/** The catalog as of now, read in one statement (what the API would answer from). */
export async function currentCatalog(em: EntityManager): Promise<CatalogSnapshot> {
  return new CatalogSnapshot(await readCatalog(em));
}

/**
 * Marks the default trade dataset (the default_dataset row): by `name`, and by `version` too when given (the mark
 * then holds for that release only; without it, for any release loaded under the name). The dataset must exist and
 * hold trade flows or export totals: INVALID_ARGUMENT / UNKNOWN_DATASET otherwise, and nothing changes.
 */
export async function markDefaultDataset(em: EntityManager, name: string, version: string | null): Promise<CatalogDataset> {
  // One transaction: the check and the mark see one state, and its commit tells this process's catalog at once
  // (src/catalog/data-changes.ts); other processes learn of it from the data version's notification.
  return em.transactional((tx) => markIn(tx, name, version));
}

async function markIn(em: EntityManager, name: string, version: string | null): Promise<CatalogDataset> {
  const catalog = await currentCatalog(em);
  const named = catalog.datasets.filter((d) => d.name === name);
  if (named.length === 0) {
    const names = [...new Set(catalog.datasets.map((d) => `"${d.name}"`))].slice(0, 10).join(', ');
    throw new AppError(ErrorCode.UNKNOWN_DATASET, `No dataset is named "${name}"${names ? `; there are ${names}` : ''}.`, { name });
  }
  const release = version === null ? named : named.filter((d) => d.version === version);
  if (release.length === 0)
    throw new AppError(
      ErrorCode.UNKNOWN_DATASET,
      `"${name}" has no version "${version}" (loaded: ${named.map((d) => d.version).join(', ')}).`,
      {
        name,
        version,
      },
    );
  const dataset = release[release.length - 1];
  if (!dataset.holdsFlows && !dataset.holdsExportTotals)
    throw new AppError(
      ErrorCode.INVALID_ARGUMENT,
      `"${name}" is a ${dataset.kind} dataset without trade flows or export totals: it cannot be the default trade dataset.`,
      { name },
    );
  await queryRows(
    em,
    sql`insert into default_dataset (id, name, version, marked_at) values (true, ${name}, ${version}, now())
        on conflict (id) do update set name = excluded.name, version = excluded.version, marked_at = excluded.marked_at`,
  );
  return dataset;
}
