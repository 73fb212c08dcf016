import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/config';
import type { Loaders } from './loaders';

/** What every resolver receives: the request's own EntityManager fork and the loaders built on it. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  config: AppConfig;
}
