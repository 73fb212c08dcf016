import type { MikroORM } from '@mikro-orm/postgresql';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { Viewer } from '../modules/access/role';
import type { RequestState } from '../server/request-state';
import type { GraphQLContext } from './context';
import { createLoaders } from './loaders';

/** The viewer of local tools (CLI export): the operator of the machine, with every role. */
export const LOCAL_OPERATOR: Viewer = { role: 'admin', keyId: null, name: 'local operator' };

/**
 * A fresh context for one operation: its own EntityManager fork (identity map) and loaders built on it, and
 * the catalog as of the operation's first look at it (every field of one operation sees one data version).
 */
export function createContext(orm: MikroORM, catalog: Catalog, config: AppConfig, viewer: Viewer, request?: RequestState): GraphQLContext {
  const em = orm.em.fork();
  let snapshot: Promise<CatalogSnapshot> | undefined;
  return { em, loaders: createLoaders(em), catalog: { snapshot: () => (snapshot ??= catalog.snapshot()) }, config, viewer, request };
}
