/**
 * Brands' product-type labels → our product type ids (seeds/data/product-types.ts). Labels seen in the
 * real files: Nike 2021 APPAREL / FOOTWEAR / EQUIPMENT / MATERIALS; Nike 2023 and 2025 Apparel / Footwear /
 * Equipment; adidas, VF and Puma Apparel / Footwear / Equipment / Accessories / Gear / Hard Goods /
 * Materials, and lists such as "Accessories, Apparel".
 *
 * Decisions (each one checked against the facilities behind the label):
 * - Materials → TEXTILES ("Textiles and materials"): the facilities are fabric mills, dye houses, trims,
 *   labels and zippers, with some tanneries; fabrics (HS 50–60) are the bulk.
 * - Gear, Hard Goods → EQUIPMENT: ball, glove and golf makers.
 * - Accessories → OTHER: behind it are socks, caps, bags, eyewear, watches, umbrellas and labels alike;
 *   BAGS or HEADWEAR would tie every one of them to a single HS chapter that most of them are not in.
 * - Unknown labels → OTHER ("a disclosure with no HS mapping"), not an error: a new label must not stop a load.
 */
const BY_LABEL: Readonly<Record<string, string>> = {
  apparel: 'APPAREL',
  footwear: 'FOOTWEAR',
  equipment: 'EQUIPMENT',
  gear: 'EQUIPMENT',
  'hard goods': 'EQUIPMENT',
  materials: 'TEXTILES',
  textiles: 'TEXTILES',
  bags: 'BAGS',
  headwear: 'HEADWEAR',
  'home textiles': 'HOME_TEXTILES',
  accessories: 'OTHER',
};

/**
 * Our product type for a disclosed label. A list ("Accessories, Apparel", "Apparel; Footwear") takes its
 * first label that maps to something more precise than OTHER (a record carries one type); empty → OTHER.
 */
export function productTypeId(label: string | null): string {
  if (label === null) return 'OTHER';
  const ids = label.split(/[,;/|]/).map((part) => BY_LABEL[part.trim().toLowerCase().replace(/\s+/g, ' ')] ?? 'OTHER');
  return ids.find((id) => id !== 'OTHER') ?? 'OTHER';
}
