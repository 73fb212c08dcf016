import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand } from '../../src/modules/brand/brand.entity';
import { Country } from '../../src/modules/country/country.entity';
import { Dataset } from '../../src/modules/dataset/dataset.entity';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { Facility } from '../../src/modules/facility/facility.entity';
import { Manufacturer } from '../../src/modules/manufacturer/manufacturer.entity';
import { Product } from '../../src/modules/product/product.entity';
import { ProductType } from '../../src/modules/product-type/product-type.entity';
import { SourcingLink } from '../../src/modules/sourcing-link/sourcing-link.entity';
import { TradeFlow } from '../../src/modules/trade-flow/trade-flow.entity';

/**
 * Builders for the rows a test needs, written through the ORM like any client would. Each returns the
 * flushed entity so tests can use its id.
 */
export function factories(em: EntityManager) {
  const country = (id: string) => em.getReference(Country, id);
  let serial = 0;
  const next = () => ++serial;

  return {
    async dataset(overrides: Partial<Pick<Dataset, 'kind' | 'name' | 'version'>> = {}) {
      const dataset = em.create(Dataset, {
        kind: DatasetKind.SYNTHETIC,
        name: `test dataset ${next()}`,
        version: 'v1',
        importedAt: new Date(),
        rowCount: 0,
        ...overrides,
      });
      await em.flush();
      return dataset;
    },
    async manufacturer(name: string, hqCountry?: string) {
      const m = em.create(Manufacturer, { name, normalizedName: name.toUpperCase(), hqCountry: hqCountry ? country(hqCountry) : null });
      await em.flush();
      return m;
    },
    async facility(props: {
      name: string;
      country: string;
      manufacturer?: Manufacturer;
      workersMin?: number | null;
      workersMax?: number | null;
      city?: string;
    }) {
      const f = em.create(Facility, {
        name: props.name,
        country: country(props.country),
        manufacturer: props.manufacturer ?? null,
        workersMin: props.workersMin ?? null,
        workersMax: props.workersMax ?? null,
        city: props.city ?? null,
        matchKey: `${props.name.toUpperCase()}|${props.country}|${next()}`,
      });
      await em.flush();
      return f;
    },
    async brand(name: string, hqCountry?: string, parentCompany?: string) {
      const b = em.create(Brand, { name, hqCountry: hqCountry ? country(hqCountry) : null, parentCompany: parentCompany ?? null });
      await em.flush();
      return b;
    },
    async link(brand: Brand, facility: Facility, disclosedAt: string, productType = 'APPAREL', dataset?: Dataset) {
      const l = em.create(SourcingLink, {
        brand,
        facility,
        disclosedAt,
        productType: em.getReference(ProductType, productType),
        dataset: dataset ?? null,
      });
      await em.flush();
      return l;
    },
    async product(code: string, description: string) {
      const parent = code.length > 2 ? em.getReference(Product, code.slice(0, code.length - 2)) : null;
      const p = em.create(Product, { code, level: code.length, description, parent, hsRevision: 'HS2022' });
      await em.flush();
      return p;
    },
    async flows(
      dataset: Dataset,
      rows: Array<{ year: number; exporter: string; importer: string; product: string; valueUsd: number; quantityTons?: number | null }>,
    ) {
      for (const r of rows) {
        em.create(TradeFlow, {
          dataset,
          year: r.year,
          exporter: country(r.exporter),
          importer: country(r.importer),
          product: em.getReference(Product, r.product),
          valueUsd: r.valueUsd,
          quantityTons: r.quantityTons ?? null,
        });
      }
      await em.flush();
    },
  };
}
