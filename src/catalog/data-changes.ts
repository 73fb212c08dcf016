import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { OPERATIONAL_TABLES } from './data-tables';

/*
 * Writes this process commits, told to the catalogs of this process at once. Other processes learn of
 * them from PostgreSQL's notification (channel tradegraph_data) a moment later; this process must not wait
 * for it: a client that loads a file and then asks about it, through the same process, gets the new answer.
 * On the embedded database, which no other process can write, this is the only signal.
 */

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` after each write this process commits; returns the unsubscribe function. */
export function onLocalDataChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells this process's catalogs that data may have changed (a bulk load or a flush committed). */
export function localDataChanged(): void {
  for (const listener of listeners) listener();
}

const operational = new Set<string>(OPERATIONAL_TABLES);

/**
 * The ORM's part: a flush committed on its own (outside a transaction) that wrote a data table, or any
 * transaction committed (its statements are not known here; a spurious reload costs one statement).
 * Register on each ORM with `orm.em.getEventManager().registerSubscriber(ormDataChanges)`.
 */
export const ormDataChanges: EventSubscriber = {
  afterFlush({ em, uow }: FlushEventArgs) {
    if (em.isInTransaction()) return;
    const tables = [...uow.getChangeSets()].map((cs) => cs.meta.tableName);
    if (tables.some((t) => !operational.has(t)) || uow.getCollectionUpdates().length > 0) localDataChanged();
  },
  afterTransactionCommit() {
    localDataChanged();
  },
};
