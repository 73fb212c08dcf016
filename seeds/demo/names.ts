/**
 * Fictional names for demo brands, supplier groups and factories (their matching keys come from the
 * importers' own rule, facility-match.ts). Word lists avoid real brand and supplier names; brand
 * names use coined words so that they cannot be mistaken for real companies.
 */
import type { Rng } from './prng';
import type { SourcingProductType } from './types';

const BRAND_STEMS: readonly string[] = [
  'Northwind',
  'Quillmere',
  'Brackenford',
  'Tarnwell',
  'Corvane',
  'Wrenfield',
  'Kestrelmoor',
  'Duneholt',
  'Alderhook',
  'Ironfern',
  'Marrowfield',
  'Sorrelpeak',
  'Thistlebrook',
  'Umberlane',
  'Vantmoor',
  'Yarrowgate',
  'Glimmerdale',
  'Hollowpine',
  'Fennick',
  'Larkhaven',
  'Oxbrindle',
  'Pellucid',
  'Rookstone',
  'Saltmarrow',
  'Tidewick',
  'Veldragon',
  'Wispwood',
  'Zennor Vale',
  'Bramblecourt',
  'Cindergate',
];

const BRAND_KINDS: readonly string[] = [
  'Athletic',
  'Outfitters',
  'Supply Co.',
  'Apparel',
  'Sportswear',
  'Footwear',
  'Trailworks',
  'Goods',
  'Active',
  'Basics',
  'Runners',
  'Collective',
];

const PARENT_COMPANIES: readonly string[] = [
  'Meridian Lark Brands Group',
  'Halcyon Vale Holdings',
  'Tidewater Quill Retail Group',
  'Oakhaven Crest Consumer Brands',
];

const SUPPLIER_ADJECTIVES: readonly string[] = [
  'Golden',
  'Silver',
  'Jade',
  'Crimson',
  'Azure',
  'Bright',
  'Morning',
  'Twin',
  'Harmony',
  'Pearl',
  'Sunrise',
  'Evening',
  'Amber',
  'Coral',
  'Ivory',
  'Emerald',
  'Swift',
  'Noble',
  'Gentle',
  'Rising',
];

const SUPPLIER_NOUNS: readonly string[] = [
  'Crane',
  'Lotus',
  'River',
  'Phoenix',
  'Bamboo',
  'Harbor',
  'Orchid',
  'Tiger',
  'Willow',
  'Falcon',
  'Maple',
  'Heron',
  'Meadow',
  'Lantern',
  'Cedar',
  'Bridge',
  'Valley',
  'Orchard',
  'Sparrow',
  'Canyon',
];

const SUPPLIER_TRADES: Readonly<Record<SourcingProductType, readonly string[]>> = {
  APPAREL: ['Garment', 'Knitting', 'Apparel', 'Textile', 'Fashion'],
  FOOTWEAR: ['Footwear', 'Shoes', 'Shoe Industrial'],
  EQUIPMENT: ['Sporting Goods', 'Sports Equipment', 'Outdoor Gear'],
  BAGS: ['Bags', 'Leather Goods', 'Luggage'],
  HEADWEAR: ['Headwear', 'Caps', 'Hat'],
};

const LEGAL_FORMS: readonly string[] = ['Co., Ltd.', 'Group', 'Industries', 'Holdings', 'Corporation', 'Limited'];
const SITE_WORDS: readonly string[] = ['Factory', 'Plant', 'Works', 'Mill', 'Production Base'];
const STREET_NAMES: readonly string[] = [
  'Harmony',
  'Lotus',
  'Riverside',
  'Pagoda',
  'Orchard',
  'Jasmine',
  'Phoenix',
  'Liberty',
  'Heritage',
  'Sunrise',
  'Canal',
  'Mill',
  'Station',
  'Prosperity',
  'Unity',
  'Lakeside',
  'Export',
  'Cotton',
  'Silk',
  'Weaver',
];
const STREET_TYPES: readonly string[] = ['Road', 'Street', 'Avenue', 'Lane', 'Boulevard'];
const ZONES: readonly string[] = ['Industrial Park', 'Export Processing Zone', 'Industrial Estate', 'Development Zone', 'Industrial Area'];

/**
 * Name of the `index`-th brand (0-based) in a shuffled stem order: stems are used once each before any
 * repeats, and repeats get a numeral so names stay unique.
 */
export function brandName(stems: readonly string[], index: number, rng: Rng): string {
  const round = Math.floor(index / stems.length);
  const name = `${stems[index % stems.length]} ${rng.pick(BRAND_KINDS)}`;
  return round === 0 ? name : `${name} ${round + 1}`;
}

/** A shuffled copy of the brand stems for {@link brandName}. */
export function shuffledBrandStems(rng: Rng): string[] {
  return rng.shuffle([...BRAND_STEMS]);
}

/** A fictional parent group. */
export function parentCompanyName(rng: Rng): string {
  return rng.pick(PARENT_COMPANIES);
}

/** Distinctive part of a supplier name, e.g. "Jade River". */
export function supplierStem(rng: Rng): string {
  return `${rng.pick(SUPPLIER_ADJECTIVES)} ${rng.pick(SUPPLIER_NOUNS)}`;
}

/** Full supplier-group name, e.g. "Jade River Garment Co., Ltd.". */
export function supplierName(stem: string, specialty: SourcingProductType, rng: Rng): string {
  return `${stem} ${rng.pick(SUPPLIER_TRADES[specialty])} ${rng.pick(LEGAL_FORMS)}`;
}

/** Factory name: the owner's stem plus the city, e.g. "Jade River Dongguan Plant". */
export function siteName(stem: string, city: string, rng: Rng): string {
  return `${stem} ${city} ${rng.pick(SITE_WORDS)}`;
}

/** Street address, e.g. "188 Lotus Road, Industrial Park Block 4". */
export function streetAddress(rng: Rng): string {
  return `${rng.int(1, 999)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)}, ${rng.pick(ZONES)} Block ${rng.int(1, 12)}`;
}
