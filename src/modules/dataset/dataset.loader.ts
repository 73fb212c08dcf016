import type { EntityManager } from '@mikro-orm/postgresql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { Dataset } from './dataset.entity';

/** Datasets by id. */
export const createDatasetLoader = (em: EntityManager) => byPrimaryKey<Dataset, number>(em, Dataset, 'id');
