import { ApiKey } from '../modules/access/api-key.entity';
import { Brand } from '../modules/brand/brand.entity';
import { Country } from '../modules/country/country.entity';
import { CountryGroup } from '../modules/country-group/country-group.entity';
import { Dataset } from '../modules/dataset/dataset.entity';
import { ExportTotal } from '../modules/export-total/export-total.entity';
import { Facility } from '../modules/facility/facility.entity';
import { Manufacturer } from '../modules/manufacturer/manufacturer.entity';
import { HsSection } from '../modules/product/hs-section.entity';
import { Product } from '../modules/product/product.entity';
import { ProductType } from '../modules/product-type/product-type.entity';
import { SourcingLink } from '../modules/sourcing-link/sourcing-link.entity';
import { TradeFlow } from '../modules/trade-flow/trade-flow.entity';

/** Every table-backed entity, listed explicitly so discovery works the same from ts-node, Jest and compiled JS. */
export const entities = [
  Country,
  CountryGroup,
  HsSection,
  Product,
  ProductType,
  Dataset,
  TradeFlow,
  ExportTotal,
  Brand,
  Manufacturer,
  Facility,
  SourcingLink,
  ApiKey,
];
