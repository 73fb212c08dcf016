import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findWithParent } from '../../database/raw';
import { alignMany, alignOne, MAX_BATCH, placeholders } from '../../graphql/loader-utils';
import { Product } from '../product/product.entity';
import { ProductType } from './product-type.entity';

/** Product types by code. */
export function createProductTypeLoader(em: EntityManager) {
  return new DataLoader<string, ProductType | null>(
    async (ids) => alignOne(ids, await em.find(ProductType, { id: { $in: [...ids] } }), (t) => t.id),
    { maxBatchSize: MAX_BATCH },
  );
}

/** The HS codes each product type maps to. */
export function createHsProductsOfTypeLoader(em: EntityManager) {
  return new DataLoader<string, Product[]>(
    async (ids) => {
      const rows = await findWithParent<string, Product>(
        em,
        Product,
        `select m.product_type_id as __parent, p.* from product_type_hs m join product p on p.code = m.product_code
         where m.product_type_id in (${placeholders(ids.length)}) order by m.product_type_id, p.code`,
        [...ids],
      );
      return alignMany(ids, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The product types whose mapped HS codes contain each product (a mapped code is a prefix of its code). */
export function createProductTypesOfProductLoader(em: EntityManager) {
  return new DataLoader<string, ProductType[]>(
    async (codes) => {
      const rows = await findWithParent<string, ProductType>(
        em,
        ProductType,
        `select distinct p.code as __parent, t.* from product p
         join product_type_hs m on p.code like m.product_code || '%'
         join product_type t on t.id = m.product_type_id
         where p.code in (${placeholders(codes.length)}) order by p.code, t.id`,
        [...codes],
      );
      return alignMany(codes, rows, (r) => r.parent).map((list) => list.map((r) => r.entity));
    },
    { maxBatchSize: MAX_BATCH },
  );
}
