import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { seedReference } from './reference';

/** MikroORM seeder for the reference data (see {@link seedReference}). */
export class ReferenceSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedReference(em);
  }
}
