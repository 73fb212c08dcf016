// Generated once from the UN Comtrade HS 2022 classification (public domain, ODC-PDDL-1.0);
// test/unit/hs-nomenclature.test.ts checks it against the published file.

/** The 21 sections of the Harmonized System (HS 2022), with their Roman numerals as printed. */
export const HS_SECTIONS: ReadonlyArray<{ id: number; roman: string; name: string }> = [
  { id: 1, roman: 'I', name: 'Live animals; animal products' },
  { id: 2, roman: 'II', name: 'Vegetable products' },
  {
    id: 3,
    roman: 'III',
    name: 'Animal or vegetable fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes',
  },
  { id: 4, roman: 'IV', name: 'Prepared foodstuffs; beverages, spirits and vinegar; tobacco and manufactured tobacco substitutes' },
  { id: 5, roman: 'V', name: 'Mineral products' },
  { id: 6, roman: 'VI', name: 'Products of the chemical or allied industries' },
  { id: 7, roman: 'VII', name: 'Plastics and articles thereof; rubber and articles thereof' },
  {
    id: 8,
    roman: 'VIII',
    name: 'Raw hides and skins, leather, furskins and articles thereof; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)',
  },
  {
    id: 9,
    roman: 'IX',
    name: 'Wood and articles of wood; wood charcoal; cork and articles of cork; manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork',
  },
  {
    id: 10,
    roman: 'X',
    name: 'Pulp of wood or of other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard; paper and paperboard and articles thereof',
  },
  { id: 11, roman: 'XI', name: 'Textiles and textile articles' },
  {
    id: 12,
    roman: 'XII',
    name: 'Footwear, headgear, umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof; prepared feathers and articles made therewith; artificial flowers; articles of human hair',
  },
  {
    id: 13,
    roman: 'XIII',
    name: 'Articles of stone, plaster, cement, asbestos, mica or similar materials; ceramic products; glass and glassware',
  },
  {
    id: 14,
    roman: 'XIV',
    name: 'Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal and articles thereof; imitation jewellery; coin',
  },
  { id: 15, roman: 'XV', name: 'Base metals and articles of base metal' },
  {
    id: 16,
    roman: 'XVI',
    name: 'Machinery and mechanical appliances; electrical equipment; parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles',
  },
  { id: 17, roman: 'XVII', name: 'Vehicles, aircraft, vessels and associated transport equipment' },
  {
    id: 18,
    roman: 'XVIII',
    name: 'Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; clocks and watches; musical instruments; parts and accessories thereof',
  },
  { id: 19, roman: 'XIX', name: 'Arms and ammunition; parts and accessories thereof' },
  { id: 20, roman: 'XX', name: 'Miscellaneous manufactured articles' },
  { id: 21, roman: 'XXI', name: "Works of art, collectors' pieces and antiques" },
];

/**
 * The 97 chapters (HS level 2) as UN Comtrade lists them: 01–97 without the reserved 77, plus 99
 * ("commodities not specified according to kind"), which Comtrade reports and which belongs to no section.
 */
export const HS_CHAPTERS: ReadonlyArray<{ code: string; section: number | null; description: string }> = [
  { code: '01', section: 1, description: 'Animals; live' },
  { code: '02', section: 1, description: 'Meat and edible meat offal' },
  { code: '03', section: 1, description: 'Fish and crustaceans, molluscs and other aquatic invertebrates' },
  {
    code: '04',
    section: 1,
    description: "Dairy produce; birds' eggs; natural honey; edible products of animal origin, not elsewhere specified or included",
  },
  { code: '05', section: 1, description: 'Animal originated products; not elsewhere specified or included' },
  { code: '06', section: 2, description: 'Trees and other plants, live; bulbs, roots and the like; cut flowers and ornamental foliage' },
  { code: '07', section: 2, description: 'Vegetables and certain roots and tubers; edible' },
  { code: '08', section: 2, description: 'Fruit and nuts, edible; peel of citrus fruit or melons' },
  { code: '09', section: 2, description: 'Coffee, tea, mate and spices' },
  { code: '10', section: 2, description: 'Cereals' },
  { code: '11', section: 2, description: 'Products of the milling industry; malt, starches, inulin, wheat gluten' },
  {
    code: '12',
    section: 2,
    description: 'Oil seeds and oleaginous fruits; miscellaneous grains, seeds and fruit, industrial or medicinal plants; straw and fodder',
  },
  { code: '13', section: 2, description: 'Lac; gums, resins and other vegetable saps and extracts' },
  { code: '14', section: 2, description: 'Vegetable plaiting materials; vegetable products not elsewhere specified or included' },
  {
    code: '15',
    section: 3,
    description:
      'Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes',
  },
  {
    code: '16',
    section: 4,
    description: 'Meat, fish, crustaceans, molluscs or other aquatic invertebrates, or insects; preparations thereof',
  },
  { code: '17', section: 4, description: 'Sugars and sugar confectionery' },
  { code: '18', section: 4, description: 'Cocoa and cocoa preparations' },
  { code: '19', section: 4, description: "Preparations of cereals, flour, starch or milk; pastrycooks' products" },
  { code: '20', section: 4, description: 'Preparations of vegetables, fruit, nuts or other parts of plants' },
  { code: '21', section: 4, description: 'Miscellaneous edible preparations' },
  { code: '22', section: 4, description: 'Beverages, spirits and vinegar' },
  { code: '23', section: 4, description: 'Food industries, residues and wastes thereof; prepared animal fodder' },
  {
    code: '24',
    section: 4,
    description:
      'Tobacco and manufactured tobacco substitutes; products, whether or not containing nicotine, intended for inhalation without combustion; other nicotine containing products intended for the intake of nicotine into the human body',
  },
  { code: '25', section: 5, description: 'Salt; sulphur; earths, stone; plastering materials, lime and cement' },
  { code: '26', section: 5, description: 'Ores, slag and ash' },
  {
    code: '27',
    section: 5,
    description: 'Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes',
  },
  {
    code: '28',
    section: 6,
    description:
      'Inorganic chemicals; organic and inorganic compounds of precious metals; of rare earth metals, of radio-active elements and of isotopes',
  },
  { code: '29', section: 6, description: 'Organic chemicals' },
  { code: '30', section: 6, description: 'Pharmaceutical products' },
  { code: '31', section: 6, description: 'Fertilizers' },
  {
    code: '32',
    section: 6,
    description:
      'Tanning or dyeing extracts; tannins and their derivatives; dyes, pigments and other colouring matter; paints, varnishes; putty, other mastics; inks',
  },
  { code: '33', section: 6, description: 'Essential oils and resinoids; perfumery, cosmetic or toilet preparations' },
  {
    code: '34',
    section: 6,
    description:
      'Soap, organic surface-active agents; washing, lubricating, polishing or scouring preparations; artificial or prepared waxes, candles and similar articles, modelling pastes, dental waxes and dental preparations with a basis of plaster',
  },
  { code: '35', section: 6, description: 'Albuminoidal substances; modified starches; glues; enzymes' },
  { code: '36', section: 6, description: 'Explosives; pyrotechnic products; matches; pyrophoric alloys; certain combustible preparations' },
  { code: '37', section: 6, description: 'Photographic or cinematographic goods' },
  { code: '38', section: 6, description: 'Chemical products n.e.c.' },
  { code: '39', section: 7, description: 'Plastics and articles thereof' },
  { code: '40', section: 7, description: 'Rubber and articles thereof' },
  { code: '41', section: 8, description: 'Raw hides and skins (other than furskins) and leather' },
  {
    code: '42',
    section: 8,
    description:
      'Articles of leather; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)',
  },
  { code: '43', section: 8, description: 'Furskins and artificial fur; manufactures thereof' },
  { code: '44', section: 9, description: 'Wood and articles of wood; wood charcoal' },
  { code: '45', section: 9, description: 'Cork and articles of cork' },
  { code: '46', section: 9, description: 'Manufactures of straw, esparto or other plaiting materials; basketware and wickerwork' },
  {
    code: '47',
    section: 10,
    description: 'Pulp of wood or other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard',
  },
  { code: '48', section: 10, description: 'Paper and paperboard; articles of paper pulp, of paper or paperboard' },
  {
    code: '49',
    section: 10,
    description: 'Printed books, newspapers, pictures and other products of the printing industry; manuscripts, typescripts and plans',
  },
  { code: '50', section: 11, description: 'Silk' },
  { code: '51', section: 11, description: 'Wool, fine or coarse animal hair; horsehair yarn and woven fabric' },
  { code: '52', section: 11, description: 'Cotton' },
  { code: '53', section: 11, description: 'Vegetable textile fibres; paper yarn and woven fabrics of paper yarn' },
  { code: '54', section: 11, description: 'Man-made filaments; strip and the like of man-made textile materials' },
  { code: '55', section: 11, description: 'Man-made staple fibres' },
  {
    code: '56',
    section: 11,
    description: 'Wadding, felt and nonwovens, special yarns; twine, cordage, ropes and cables and articles thereof',
  },
  { code: '57', section: 11, description: 'Carpets and other textile floor coverings' },
  {
    code: '58',
    section: 11,
    description: 'Fabrics; special woven fabrics, tufted textile fabrics, lace, tapestries, trimmings, embroidery',
  },
  {
    code: '59',
    section: 11,
    description: 'Textile fabrics; impregnated, coated, covered or laminated; textile articles of a kind suitable for industrial use',
  },
  { code: '60', section: 11, description: 'Fabrics; knitted or crocheted' },
  { code: '61', section: 11, description: 'Apparel and clothing accessories; knitted or crocheted' },
  { code: '62', section: 11, description: 'Apparel and clothing accessories; not knitted or crocheted' },
  { code: '63', section: 11, description: 'Textiles, made up articles; sets; worn clothing and worn textile articles; rags' },
  { code: '64', section: 12, description: 'Footwear; gaiters and the like; parts of such articles' },
  { code: '65', section: 12, description: 'Headgear and parts thereof' },
  { code: '66', section: 12, description: 'Umbrellas, sun umbrellas, walking-sticks, seat sticks, whips, riding crops; and parts thereof' },
  {
    code: '67',
    section: 12,
    description: 'Feathers and down, prepared; and articles made of feather or of down; artificial flowers; articles of human hair',
  },
  { code: '68', section: 13, description: 'Stone, plaster, cement, asbestos, mica or similar materials; articles thereof' },
  { code: '69', section: 13, description: 'Ceramic products' },
  { code: '70', section: 13, description: 'Glass and glassware' },
  {
    code: '71',
    section: 14,
    description:
      'Natural, cultured pearls; precious, semi-precious stones; precious metals, metals clad with precious metal, and articles thereof; imitation jewellery; coin',
  },
  { code: '72', section: 15, description: 'Iron and steel' },
  { code: '73', section: 15, description: 'Iron or steel articles' },
  { code: '74', section: 15, description: 'Copper and articles thereof' },
  { code: '75', section: 15, description: 'Nickel and articles thereof' },
  { code: '76', section: 15, description: 'Aluminium and articles thereof' },
  { code: '78', section: 15, description: 'Lead and articles thereof' },
  { code: '79', section: 15, description: 'Zinc and articles thereof' },
  { code: '80', section: 15, description: 'Tin; articles thereof' },
  { code: '81', section: 15, description: 'Metals; n.e.c., cermets and articles thereof' },
  { code: '82', section: 15, description: 'Tools, implements, cutlery, spoons and forks, of base metal; parts thereof, of base metal' },
  { code: '83', section: 15, description: 'Metal; miscellaneous products of base metal' },
  { code: '84', section: 16, description: 'Machinery and mechanical appliances, boilers, nuclear reactors; parts thereof' },
  {
    code: '85',
    section: 16,
    description:
      'Electrical machinery and equipment and parts thereof; sound recorders and reproducers; television image and sound recorders and reproducers, parts and accessories of such articles',
  },
  {
    code: '86',
    section: 17,
    description:
      'Railway, tramway locomotives, rolling-stock and parts thereof; railway or tramway track fixtures and fittings and parts thereof; mechanical (including electro-mechanical) traffic signalling equipment of all kinds',
  },
  { code: '87', section: 17, description: 'Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof' },
  { code: '88', section: 17, description: 'Aircraft, spacecraft, and parts thereof' },
  { code: '89', section: 17, description: 'Ships, boats and floating structures' },
  {
    code: '90',
    section: 18,
    description:
      'Optical, photographic, cinematographic, measuring, checking, medical or surgical instruments and apparatus; parts and accessories',
  },
  { code: '91', section: 18, description: 'Clocks and watches and parts thereof' },
  { code: '92', section: 18, description: 'Musical instruments; parts and accessories of such articles' },
  { code: '93', section: 19, description: 'Arms and ammunition; parts and accessories thereof' },
  {
    code: '94',
    section: 20,
    description:
      'Furniture; bedding, mattresses, mattress supports, cushions and similar stuffed furnishings; lamps and lighting fittings, n.e.c.; illuminated signs, illuminated name-plates and the like; prefabricated buildings',
  },
  { code: '95', section: 20, description: 'Toys, games and sports requisites; parts and accessories thereof' },
  { code: '96', section: 20, description: 'Miscellaneous manufactured articles' },
  { code: '97', section: 21, description: "Works of art; collectors' pieces and antiques" },
  { code: '99', section: null, description: 'Commodities not specified according to kind' },
];
