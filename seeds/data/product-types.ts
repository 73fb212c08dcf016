/** A brand product type and the HS chapters/headings it covers. */
export interface ProductTypeRow {
  id: string;
  name: string;
  description: string;
  hsCodes: string[];
  /**
   * HS codes of the type's main inputs, which its makers import (upstream exposure): chapters or headings,
   * none under another of the same type (the roll-up would add a heading to its chapter).
   */
  inputs: string[];
}

/** Consecutive HS headings `from`–`to` (4 digits), e.g. headings('4104', '4107') → 4104, 4105, 4106, 4107. */
function headings(from: string, to: string): string[] {
  const codes: string[] = [];
  for (let code = Number(from); code <= Number(to); code++) codes.push(String(code).padStart(4, '0'));
  return codes;
}

/**
 * The product-type ↔ HS mapping that joins brand sourcing to country trade. Brands disclose coarse types;
 * each maps to the HS chapters (or headings) where those goods are classified.
 */
export const PRODUCT_TYPES: ProductTypeRow[] = [
  {
    id: 'APPAREL',
    name: 'Apparel',
    description: 'Garments, knitted (HS 61) or not (HS 62).',
    hsCodes: ['61', '62'],
    // Cotton yarn 5205–5207 and fabrics 5208–5212; synthetic yarn and fabric (chapters 54–55); knitted fabric (60).
    inputs: [...headings('5205', '5212'), '54', '55', '60'],
  },
  {
    id: 'FOOTWEAR',
    name: 'Footwear',
    description: 'Footwear, gaiters and parts (HS 64).',
    hsCodes: ['64'],
    // Leather 4104–4107, natural rubber 4001, synthetic rubber 4002, synthetic filament fabrics 5407.
    inputs: [...headings('4104', '4107'), '4001', '4002', '5407'],
  },
  {
    id: 'EQUIPMENT',
    name: 'Equipment',
    description: 'Sports equipment, toys and games (HS 95).',
    hsCodes: ['95'],
    // Rubber 4001–4002 (balls, grips), plastics in primary forms 3901–3914, synthetic filament fabrics 5407, coated fabrics 5903.
    inputs: ['4001', '4002', ...headings('3901', '3914'), '5407', '5903'],
  },
  {
    id: 'BAGS',
    name: 'Bags and leather goods',
    description: 'Travel goods, handbags and similar containers; articles of leather (HS 42).',
    hsCodes: ['42'],
    // Leather 4104–4107, synthetic filament fabrics 5407, coated fabrics 5903.
    inputs: [...headings('4104', '4107'), '5407', '5903'],
  },
  {
    id: 'HEADWEAR',
    name: 'Headwear',
    description: 'Hats and other headgear (HS 65).',
    hsCodes: ['65'],
    // Cotton fabrics 5208–5212, synthetic filament fabrics 5407, felt 5602, knitted fabric (60).
    inputs: [...headings('5208', '5212'), '5407', '5602', '60'],
  },
  {
    id: 'HOME_TEXTILES',
    name: 'Home textiles',
    description: 'Made-up textile articles such as bed linen and towels (HS 63).',
    hsCodes: ['63'],
    // Cotton yarn and fabrics 5205–5212; synthetic yarn and fabric (chapters 54–55).
    inputs: [...headings('5205', '5212'), '54', '55'],
  },
  {
    id: 'TEXTILES',
    name: 'Textiles and materials',
    description: 'Yarns and fabrics sold to garment makers (HS 50–60).',
    hsCodes: ['50', '51', '52', '53', '54', '55', '56', '57', '58', '59', '60'],
    // Fibres the mills spin and weave: raw cotton 5201–5203, wool 5101–5105, man-made staple fibres 5501–5507.
    inputs: [...headings('5201', '5203'), ...headings('5101', '5105'), ...headings('5501', '5507')],
  },
  {
    id: 'OTHER',
    name: 'Other or not stated',
    description: 'A disclosure that names no product type, or one with no HS mapping.',
    hsCodes: [],
    inputs: [],
  },
];
