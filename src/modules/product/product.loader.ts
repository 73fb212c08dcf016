import DataLoader from 'dataloader';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { alignMany, alignOne, MAX_BATCH } from '../../graphql/loader-utils';
import { HsSection } from './hs-section.entity';
import { Product } from './product.entity';

/** Products by HS code. */
export function createProductLoader(em: EntityManager) {
  return new DataLoader<string, Product | null>(
    async (codes) => alignOne(codes, await em.find(Product, { code: { $in: [...codes] } }), (p) => p.code),
    { maxBatchSize: MAX_BATCH },
  );
}

/** HS sections by number. */
export function createHsSectionLoader(em: EntityManager) {
  return new DataLoader<number, HsSection | null>(
    async (ids) => alignOne(ids, await em.find(HsSection, { id: { $in: [...ids] } }), (s) => s.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The next-level codes under each product (headings of a chapter, subheadings of a heading). */
export function createProductChildrenLoader(em: EntityManager) {
  return new DataLoader<string, Product[]>(
    async (codes) => {
      const rows = await em.find(Product, { parent: [...codes] } as unknown as FilterQuery<Product>, { orderBy: { code: 'asc' } });
      return alignMany(codes, rows, (p) => p.parent!.unwrap().code);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The chapters of each HS section. */
export function createSectionChaptersLoader(em: EntityManager) {
  return new DataLoader<number, Product[]>(
    async (ids) => {
      const rows = await em.find(Product, { section: { $in: [...ids] }, level: 2 }, { orderBy: { code: 'asc' } });
      return alignMany(ids, rows, (p) => p.section!.unwrap().id);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
