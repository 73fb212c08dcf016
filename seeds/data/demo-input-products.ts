/**
 * The demo's input products (#12, upstream exposure): HS 2022 headings and subheadings of what the makers of
 * the demo's product types import — leather, rubber, cotton yarn and fabric, synthetic yarn and fabric,
 * knitted fabric, plastics, coated fabric — each under an input code of seeds/data/product-types.ts. Real
 * codes, descriptions shortened from the nomenclature; the flows generated on them (seeds/demo/input-flows.ts)
 * are synthetic. Kept apart from DEMO_PRODUCTS so that the demo's other flows stay as they were.
 */
export const DEMO_INPUT_PRODUCTS: ReadonlyArray<{ code: string; parent: string; description: string }> = [
  { code: '3901', parent: '39', description: 'Polymers of ethylene, in primary forms' },
  { code: '390110', parent: '3901', description: 'Ethylene polymers; in primary forms, polyethylene having a specific gravity of less than 0.94' },
  { code: '4001', parent: '40', description: 'Natural rubber, balata, gutta-percha, guayule, chicle and similar natural gums' },
  { code: '400122', parent: '4001', description: 'Natural rubber; technically specified natural rubber (TSNR), in primary forms or in plates, sheets or strip' },
  { code: '4002', parent: '40', description: 'Synthetic rubber and factice derived from oils' },
  { code: '400219', parent: '4002', description: 'Synthetic rubber; styrene-butadiene rubber (SBR) and carboxylated SBR (XSBR), other than latex' },
  { code: '4104', parent: '41', description: 'Tanned or crust hides and skins of bovine or equine animals, without hair on' },
  { code: '410411', parent: '4104', description: 'Tanned or crust hides and skins of bovine or equine animals; in the wet state (including wet-blue), full grains, unsplit; grain splits' },
  { code: '4107', parent: '41', description: 'Leather further prepared after tanning or crusting, of bovine or equine animals, without hair on' },
  { code: '410712', parent: '4107', description: 'Leather further prepared after tanning or crusting; of bovine or equine animals, whole hides and skins, grain splits' },
  { code: '5205', parent: '52', description: 'Cotton yarn (other than sewing thread), containing 85 % or more by weight of cotton, not put up for retail sale' },
  { code: '520512', parent: '5205', description: 'Cotton yarn; single, of uncombed fibres, 85 % or more cotton, 232.56 to 714.29 decitex' },
  { code: '5208', parent: '52', description: 'Woven fabrics of cotton, containing 85 % or more by weight of cotton, weighing not more than 200 g/m²' },
  { code: '520852', parent: '5208', description: 'Fabrics, woven; 85 % or more cotton, printed, plain weave, weighing not more than 100 g/m²' },
  { code: '5402', parent: '54', description: 'Synthetic filament yarn (other than sewing thread), not put up for retail sale' },
  { code: '540233', parent: '5402', description: 'Synthetic filament yarn; textured yarn, of polyesters' },
  { code: '5407', parent: '54', description: 'Woven fabrics of synthetic filament yarn' },
  { code: '540752', parent: '5407', description: 'Fabrics, woven; 85 % or more textured polyester filaments, dyed' },
  { code: '5903', parent: '59', description: 'Textile fabrics impregnated, coated, covered or laminated with plastics' },
  { code: '590320', parent: '5903', description: 'Textile fabrics; impregnated, coated, covered or laminated with polyurethane' },
  { code: '6006', parent: '60', description: 'Other knitted or crocheted fabrics' },
  { code: '600632', parent: '6006', description: 'Fabrics; knitted or crocheted, of synthetic fibres, dyed' },
]; // prettier-ignore
