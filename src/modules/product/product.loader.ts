import type { EntityManager } from '@mikro-orm/postgresql';
import { list, sql } from '../../database/sql';
import { byPrimaryKey } from '../../graphql/loader-utils';
import { firstPerParent } from '../../graphql/nested';
import { HsSection } from './hs-section.entity';
import { Product } from './product.entity';

/** Products by HS code. */
export const createProductLoader = (em: EntityManager) => byPrimaryKey<Product, string>(em, Product, 'code');

/** HS sections by number. */
export const createHsSectionLoader = (em: EntityManager) => byPrimaryKey<HsSection, number>(em, HsSection, 'id');

/** The next-level codes under each product (headings of a chapter, subheadings of a heading), first `limit` by code. */
export const createProductChildrenLoader = (em: EntityManager) =>
  firstPerParent<string, Product>(
    em,
    Product,
    (codes) => sql`select p.parent_code as __parent, p.* from product p where p.parent_code in (${list(codes)})`,
    sql`s.code`,
  );

/** The chapters of each HS section, first `limit` by code. */
export const createSectionChaptersLoader = (em: EntityManager) =>
  firstPerParent<number, Product>(
    em,
    Product,
    (sections) => sql`select p.section_id as __parent, p.* from product p where p.level = 2 and p.section_id in (${list(sections)})`,
    sql`s.code`,
  );
