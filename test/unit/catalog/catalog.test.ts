import { Catalog, type DataWatcher } from '../../../src/catalog/catalog';
import type { CatalogRows } from '../../../src/catalog/catalog.sql';
import { localDataChanged } from '../../../src/catalog/data-changes';

/** A database's catalog rows at version `n`, counting reads. */
function source() {
  let version = 1;
  let reads = 0;
  let failNext = false;
  return {
    get reads() {
      return reads;
    },
    bump: () => version++,
    failOnce: () => (failNext = true),
    read: async (): Promise<CatalogRows> => {
      reads++;
      if (failNext) {
        failNext = false;
        throw new Error('connection refused');
      }
      return {
        version: String(version),
        datasets: [],
        countries: [{ id: 'USA', region: 'Americas', subRegion: 'Northern America' }],
        groups: { EU27: ['DEU', 'FRA'], EMPTY: [] },
        products: '64,6403,640399',
        defaultMark: null,
      };
    },
  };
}

/** A watcher whose liveness and notifications the test drives. */
function watcher() {
  let changed = () => undefined as void;
  const w: DataWatcher & { notify(): void; live: boolean } = {
    live: true,
    start: async (callback) => void (changed = callback),
    stop: async () => undefined,
    notify: () => changed(),
  };
  return w;
}

describe('Catalog', () => {
  it('reads once and serves the same snapshot until told of a change', async () => {
    const db = source();
    const w = watcher();
    const catalog = new Catalog(db.read, w);
    await catalog.start();
    const [a, b] = await Promise.all([catalog.snapshot(), catalog.snapshot()]);
    expect(a).toBe(b);
    expect(await catalog.snapshot()).toBe(a);
    expect(db.reads).toBe(1);
    db.bump();
    w.notify();
    const c = await catalog.snapshot();
    expect(c.version).toBe('2');
    expect(db.reads).toBe(2);
    await catalog.stop();
  });

  it('drops its snapshot when this process commits a write, and stops listening when stopped', async () => {
    const db = source();
    const catalog = new Catalog(db.read);
    await catalog.start();
    await catalog.snapshot();
    localDataChanged();
    await catalog.snapshot();
    expect(db.reads).toBe(2);
    await catalog.stop();
    localDataChanged();
    await catalog.snapshot();
    expect(db.reads).toBe(2);
  });

  it('keeps nothing while the watcher is not live, and does not keep a failed read', async () => {
    const db = source();
    const w = watcher();
    const catalog = new Catalog(db.read, w);
    await catalog.start();
    w.live = false;
    await catalog.snapshot();
    await catalog.snapshot();
    expect(db.reads).toBe(2);
    w.live = true;
    db.failOnce();
    await expect(catalog.snapshot()).rejects.toThrow('connection refused');
    await catalog.snapshot();
    await catalog.snapshot();
    expect(db.reads).toBe(4);
  });

  it('answers lookups from the rows', async () => {
    const snapshot = await new Catalog(source().read).snapshot();
    expect(snapshot.country('USA')?.region).toBe('Americas');
    expect(snapshot.country('XXX')).toBeUndefined();
    expect(snapshot.groupMembers('EU27')).toEqual(['DEU', 'FRA']);
    expect(snapshot.groupMembers('EMPTY')).toEqual([]);
    expect(snapshot.groupMembers('NOPE')).toBeUndefined();
    expect(snapshot.groupCodes()).toEqual(['EMPTY', 'EU27']);
    expect([snapshot.hasProduct('6403'), snapshot.hasProduct('6404')]).toEqual([true, false]);
    expect(snapshot.regionNames('sub_region')).toEqual(['Northern America']);
  });
});
