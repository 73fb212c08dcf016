import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { ProductType } from './product-type.entity';

/** The id of a product type named in an argument (case-insensitive), or UNKNOWN_PRODUCT_TYPE: never a silent empty filter. */
export async function requireProductType(em: EntityManager, raw: string, argument: string): Promise<string> {
  const type = await em.findOne(ProductType, { id: raw.trim().toUpperCase() });
  if (!type) throw new AppError(ErrorCode.UNKNOWN_PRODUCT_TYPE, `${argument}: no product type "${raw}".`, { argument, value: raw });
  return type.id;
}
