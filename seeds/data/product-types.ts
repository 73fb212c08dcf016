/** A brand product type and the HS chapters/headings it covers. */
export interface ProductTypeRow {
  id: string;
  name: string;
  description: string;
  hsCodes: string[];
}

/**
 * The product-type ↔ HS mapping that joins brand sourcing to country trade. Brands disclose coarse types;
 * each maps to the HS chapters (or headings) where those goods are classified.
 */
export const PRODUCT_TYPES: ProductTypeRow[] = [
  { id: 'APPAREL', name: 'Apparel', description: 'Garments, knitted (HS 61) or not (HS 62).', hsCodes: ['61', '62'] },
  { id: 'FOOTWEAR', name: 'Footwear', description: 'Footwear, gaiters and parts (HS 64).', hsCodes: ['64'] },
  { id: 'EQUIPMENT', name: 'Equipment', description: 'Sports equipment, toys and games (HS 95).', hsCodes: ['95'] },
  {
    id: 'BAGS',
    name: 'Bags and leather goods',
    description: 'Travel goods, handbags and similar containers; articles of leather (HS 42).',
    hsCodes: ['42'],
  },
  { id: 'HEADWEAR', name: 'Headwear', description: 'Hats and other headgear (HS 65).', hsCodes: ['65'] },
  {
    id: 'HOME_TEXTILES',
    name: 'Home textiles',
    description: 'Made-up textile articles such as bed linen and towels (HS 63).',
    hsCodes: ['63'],
  },
  {
    id: 'TEXTILES',
    name: 'Textiles and materials',
    description: 'Yarns and fabrics sold to garment makers (HS 50–60).',
    hsCodes: ['50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60'],
  },
  {
    id: 'OTHER',
    name: 'Other or not stated',
    description: 'A disclosure that names no product type, or one with no HS mapping.',
    hsCodes: [],
  },
];
