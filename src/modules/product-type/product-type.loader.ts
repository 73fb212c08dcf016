import type { EntityManager } from '@mikro-orm/postgresql';
import { list, sql } from '../../database/sql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { Product } from '../product/product.entity';
import { ProductType } from './product-type.entity';

/** Product types by code. */
export const createProductTypeLoader = (em: EntityManager) => byPrimaryKey<ProductType, string>(em, ProductType, 'id');

/** The HS codes each product type maps to (first `limit` by code). */
export const createHsProductsOfTypeLoader = (em: EntityManager) =>
  firstPerParent<string, Product>(
    em,
    Product,
    (typeIds) => sql`select m.product_type_id as __parent, p.* from product_type_hs m join product p on p.code = m.product_code
               where m.product_type_id in (${list(typeIds)})`,
    sql`s.code`,
  );

/** The HS codes of each product type's main inputs (product_type_input; first `limit` by code). */
export const createInputsOfTypeLoader = (em: EntityManager) =>
  firstPerParent<string, Product>(
    em,
    Product,
    (typeIds) => sql`select m.product_type_id as __parent, p.* from product_type_input m join product p on p.code = m.product_code
               where m.product_type_id in (${list(typeIds)})`,
    sql`s.code`,
  );

/** The product types whose mapped HS codes contain each product (a mapped code is a prefix of its code; first `limit` by id). */
export const createProductTypesOfProductLoader = (em: EntityManager) =>
  firstPerParent<string, ProductType>(
    em,
    ProductType,
    (codes) => sql`select distinct p.code as __parent, t.* from product p
               join product_type_hs m on p.code like m.product_code || '%'
               join product_type t on t.id = m.product_type_id
               where p.code in (${list(codes)})`,
    sql`s.id`,
  );
