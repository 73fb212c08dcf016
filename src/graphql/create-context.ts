import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Catalog, CatalogSnapshot } from '../catalog/catalog';
import type { AppConfig } from '../config/config';
import type { Viewer } from '../modules/access/role';
import type { RequestState } from '../server/request-state';
import type { GraphQLContext, RequestCatalog } from './context';
import { createLoaders, type Loaders } from './loaders';
import { AnswerWarnings } from './warnings';

/** The viewer of local tools (CLI export): the operator of the machine, with every role. */
export const LOCAL_OPERATOR: Viewer = { role: 'admin', keyId: null, name: 'local operator' };

/**
 * A fresh context for one operation: its own EntityManager fork (identity map) and loaders built on it, and
 * the catalog as of the operation's first look at it (every field of one operation sees one data version).
 *
 * The fork and the loaders are made when a resolver first asks for them: a fork costs more than the rest of
 * a request answered from the response cache (its unit of work, identity map and event manager), and such a
 * request runs no resolver. Getters of a class, not of the object: Apollo copies the context's own
 * properties (and would call own getters) into a clone for each operation.
 */
class OperationContext implements GraphQLContext {
  readonly catalog: RequestCatalog;
  readonly warnings = new AnswerWarnings();
  private forked?: EntityManager;
  private built?: Loaders;

  constructor(
    private readonly orm: MikroORM,
    catalog: Catalog,
    readonly config: AppConfig,
    readonly viewer: Viewer,
    readonly request?: RequestState,
  ) {
    let snapshot: Promise<CatalogSnapshot> | undefined;
    this.catalog = { snapshot: () => (snapshot ??= catalog.snapshot()) };
  }

  get em(): EntityManager {
    return (this.forked ??= this.orm.em.fork());
  }

  get loaders(): Loaders {
    return (this.built ??= createLoaders(this.em));
  }
}

export function createContext(orm: MikroORM, catalog: Catalog, config: AppConfig, viewer: Viewer, request?: RequestState): GraphQLContext {
  return new OperationContext(orm, catalog, config, viewer, request);
}
