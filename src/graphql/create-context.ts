import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from './context';
import { createLoaders } from './loaders';

/** A fresh context for one operation: its own EntityManager fork (identity map) and loaders built on it. */
export function createContext(orm: MikroORM, config: AppConfig): GraphQLContext {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), config };
}
