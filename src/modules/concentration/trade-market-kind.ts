import { registerEnumType } from 'type-graphql';

/** Which trade market of METRICS.md ("Trade markets") a figure is about. */
export enum TradeMarketKind {
  IMPORT_SOURCES = 'IMPORT_SOURCES',
  WORLD_EXPORTERS = 'WORLD_EXPORTERS',
  EXPORT_DESTINATIONS = 'EXPORT_DESTINATIONS',
  EXPORT_PRODUCTS = 'EXPORT_PRODUCTS',
}
registerEnumType(TradeMarketKind, {
  name: 'TradeMarketKind',
  description:
    'A trade market: who the participants are and whose trade is split among them ([trade markets](/docs/metrics#trade-markets)).',
  valuesConfig: {
    IMPORT_SOURCES: {
      description:
        "Import sources of the reporter (an importer): participants = exporters e, weights = x(e, reporter, k, t); a group's imports are extra-group.",
    },
    WORLD_EXPORTERS: {
      description: 'World exporters of the product: participants = exporters e, weights = Σ_i x(e, i, k, t). No reporter.',
    },
    EXPORT_DESTINATIONS: {
      description:
        "Export destinations of the reporter (an exporter): participants = importers; a group's exports leave out flows to its members.",
    },
    EXPORT_PRODUCTS: {
      description: 'Export products of the reporter (WITS "product HHI"): participants = HS-6 products, weights = its exports of each.',
    },
  },
});

/** Whether the market of this kind needs a reporter country or group. */
export const needsReporter = (kind: TradeMarketKind) => kind !== TradeMarketKind.WORLD_EXPORTERS;

/** Whether the market of this kind needs a product (EXPORT_PRODUCTS takes one only as a filter). */
export const needsProduct = (kind: TradeMarketKind) => kind === TradeMarketKind.IMPORT_SOURCES || kind === TradeMarketKind.WORLD_EXPORTERS;
