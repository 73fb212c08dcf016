import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/config';
import type { Viewer } from '../modules/access/role';
import type { RequestState } from '../server/request-state';
import type { GraphQLContext } from './context';
import { createLoaders } from './loaders';

/** The viewer of local tools (CLI export): the operator of the machine, with every role. */
export const LOCAL_OPERATOR: Viewer = { role: 'admin', keyId: null, name: 'local operator' };

/** A fresh context for one operation: its own EntityManager fork (identity map) and loaders built on it. */
export function createContext(orm: MikroORM, config: AppConfig, viewer: Viewer, request?: RequestState): GraphQLContext {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), config, viewer, request };
}
