import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogSnapshot } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { Viewer } from '../modules/access/role';
import type { DatasetsUsed } from '../modules/dataset/datasets-used';
import type { CsvStreamSlot } from '../modules/export/csv-stream';
import type { RequestState } from '../server/request-state';
import type { Loaders } from './loaders';
import type { AnswerWarnings } from './warnings';

/** The catalog as one operation sees it: read (if at all) at the operation's first look, then the same snapshot for every field. */
export interface RequestCatalog {
  snapshot(): Promise<CatalogSnapshot>;
}

/** What every resolver receives: the request's own EntityManager fork and the loaders built on it. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  /** What the database holds (datasets, countries, groups, products): one snapshot for the whole operation, read without a statement while the data is unchanged. */
  catalog: RequestCatalog;
  config: AppConfig;
  /** Who is asking (API key or anonymous) and with which role. */
  viewer: Viewer;
  /** The HTTP request's state (deadline signal, cost, timings); absent for the CLI export. */
  request?: RequestState;
  /** What the answer says besides its data (an empty match, a level the dataset lacks): `extensions.warnings`. */
  warnings: AnswerWarnings;
  /** GET /csv only: where the table's resolver may leave a statement for PostgreSQL to stream (instead of rows). */
  csvStream?: CsvStreamSlot;
  /** Exports only: collects the datasets the figures came from (see recordDataset), for the file's provenance. */
  datasetsUsed?: DatasetsUsed;
}
