// Generated once from the UN Comtrade HS 2022 classification (public domain, ODC-PDDL-1.0).

/**
 * A hand-picked slice of HS 2022 headings and subheadings for the demo generator: what brands disclose
 * (apparel, footwear, bags, headgear, sports equipment) and a few others for contrast. Real codes and
 * descriptions; the trade flows generated on them are synthetic.
 */
export const DEMO_PRODUCTS: ReadonlyArray<{ code: string; parent: string; description: string }> = [
  { code: '6109', parent: '61', description: 'T-shirts, singlets and other vests; knitted or crocheted' },
  { code: '610910', parent: '6109', description: 'T-shirts, singlets and other vests; of cotton, knitted or crocheted' },
  {
    code: '610990',
    parent: '6109',
    description: 'T-shirts, singlets and other vests; of textile materials (other than cotton), knitted or crocheted',
  },
  { code: '6110', parent: '61', description: 'Jerseys, pullovers, cardigans, waistcoats and similar articles; knitted or crocheted' },
  {
    code: '611011',
    parent: '6110',
    description: 'Jerseys, pullovers, cardigans, waistcoats and similar articles; knitted or crocheted, of wool or fine animal hair',
  },
  {
    code: '611012',
    parent: '6110',
    description:
      'Jerseys, pullovers, cardigans, waistcoats and similar articles; knitted or crocheted, of fibres from kashmir (cashmere) goats',
  },
  {
    code: '611019',
    parent: '6110',
    description:
      'Jerseys, pullovers, cardigans, waistcoats and similar articles; knitted or crocheted, of fine animal hair other than that of kashmir (cashmere) goats',
  },
  {
    code: '611020',
    parent: '6110',
    description: 'Jerseys, pullovers, cardigans, waistcoats and similar articles; of cotton, knitted or crocheted',
  },
  {
    code: '6203',
    parent: '62',
    description:
      "Suits, ensembles, jackets, blazers, trousers, bib and brace overalls, breeches and shorts (other than swimwear); men's or boys' (not knitted or crocheted)",
  },
  { code: '620311', parent: '6203', description: "Suits; men's or boys', of wool or fine animal hair (not knitted or crocheted)" },
  { code: '620312', parent: '6203', description: "Suits; men's or boys', of synthetic fibres (not knitted or crocheted)" },
  {
    code: '620319',
    parent: '6203',
    description: "Suits; men's or boys', of textile materials n.e.c. in item no. 6203.1 (not knitted or crocheted)",
  },
  { code: '620322', parent: '6203', description: "Ensembles; men's or boys', of cotton (not knitted or crocheted)" },
  {
    code: '6204',
    parent: '62',
    description:
      "Suits, ensembles, jackets, dresses, skirts, divided skirts, trousers, bib and brace overalls, breeches and shorts (other than swimwear); women's or girls' (not knitted or crocheted)",
  },
  { code: '620411', parent: '6204', description: "Suits; women's or girls', of wool or fine animal hair (not knitted or crocheted)" },
  { code: '620412', parent: '6204', description: "Suits; women's or girls', of cotton (not knitted or crocheted)" },
  { code: '620413', parent: '6204', description: "Suits; women's or girls', of synthetic fibres (not knitted or crocheted)" },
  {
    code: '620419',
    parent: '6204',
    description: "Suits; women's or girls', of textile materials n.e.c. in item no. 6204.1 (not knitted or crocheted)",
  },
  {
    code: '6104',
    parent: '61',
    description:
      "Suits, ensembles, jackets, dresses, skirts, divided skirts, trousers, bib and brace overalls, breeches and shorts (not swimwear), women's or girls', knitted or crocheted",
  },
  { code: '610413', parent: '6104', description: "Suits; women's or girls', of synthetic fibres, knitted or crocheted" },
  {
    code: '610419',
    parent: '6104',
    description: "Suits; women's or girls', of textile materials (other than synthetic fibres), knitted or crocheted",
  },
  { code: '610422', parent: '6104', description: "Ensembles; women's or girls', of cotton, knitted or crocheted" },
  { code: '610423', parent: '6104', description: "Ensembles; women's or girls', of synthetic fibres, knitted or crocheted" },
  { code: '6205', parent: '62', description: "Shirts; men's or boys' (not knitted or crocheted)" },
  { code: '620520', parent: '6205', description: "Shirts; men's or boys', of cotton (not knitted or crocheted)" },
  { code: '620530', parent: '6205', description: "Shirts; men's or boys', of man-made fibres (not knitted or crocheted)" },
  {
    code: '620590',
    parent: '6205',
    description: "Shirts; men's or boys', of textile materials n.e.c. in heading no. 6205 (not knitted or crocheted)",
  },
  {
    code: '6115',
    parent: '61',
    description:
      'Hosiery; panty hose, tights, stockings, socks and other hosiery, including graduated compression hosiery (for example, stockings for varicose veins) and footwear without applied soles, knitted or crocheted',
  },
  {
    code: '611510',
    parent: '6115',
    description: 'Graduated compression hosiery (for example, stockings for varicose veins), knitted or crocheted',
  },
  {
    code: '611521',
    parent: '6115',
    description:
      'Hosiery; panty hose and tights (other than graduated compression hosiery), of synthetic fibres, measuring per single yarn less than 67 decitex, knitted or crocheted',
  },
  {
    code: '611522',
    parent: '6115',
    description:
      'Hosiery; panty hose and tights (other than graduated compression hosiery), of synthetic fibres, measuring per single yarn 67 decitex or more, knitted or crocheted',
  },
  {
    code: '611529',
    parent: '6115',
    description:
      'Hosiery; panty hose and tights (other than graduated compression hosiery), of textile materials (other than synthetic fibres), knitted or crocheted',
  },
  { code: '6116', parent: '61', description: 'Gloves, mittens and mitts; knitted or crocheted' },
  {
    code: '611610',
    parent: '6116',
    description: 'Gloves, mittens and mitts; knitted or crocheted, impregnated, coated, covered or laminated with plastics or rubber',
  },
  {
    code: '611691',
    parent: '6116',
    description:
      'Gloves, mittens and mitts; of wool or fine animal hair, knitted or crocheted, (other than impregnated, coated, covered or laminated with plastics or rubber)',
  },
  {
    code: '611692',
    parent: '6116',
    description:
      'Gloves, mittens and mitts; of cotton, knitted or crocheted, (other than impregnated, coated, covered or laminated with plastics or rubber)',
  },
  {
    code: '611693',
    parent: '6116',
    description:
      'Gloves, mittens and mitts; of synthetic fibres, knitted or crocheted, (other than impregnated, coated, covered or laminated with plastics or rubber)',
  },
  {
    code: '6402',
    parent: '64',
    description: 'Footwear; with outer soles and uppers of rubber or plastics (excluding waterproof footwear)',
  },
  {
    code: '640212',
    parent: '6402',
    description:
      'Sports footwear; with outer soles and uppers of rubber or plastics, ski-boots, cross-country ski footwear and snowboard boots',
  },
  {
    code: '640219',
    parent: '6402',
    description:
      'Sports footwear; (other than ski-boots, snowboard boots or cross-country ski footwear), with outer soles and uppers of rubber or plastics',
  },
  {
    code: '640220',
    parent: '6402',
    description: 'Footwear; with outer soles and uppers of rubber or plastics, upper straps or thongs assembled to the sole by plugs',
  },
  {
    code: '640291',
    parent: '6402',
    description: 'Footwear; n.e.c. in heading no. 6402, covering the ankle, with outer soles and uppers of rubber or plastics',
  },
  {
    code: '6403',
    parent: '64',
    description: 'Footwear; with outer soles of rubber, plastics, leather or composition leather and uppers of leather',
  },
  {
    code: '640312',
    parent: '6403',
    description:
      'Sports footwear; with outer soles of rubber, plastics, leather or composition leather and uppers of leather, ski-boots, snowboard boots and cross-country ski footwear',
  },
  {
    code: '640319',
    parent: '6403',
    description:
      'Sports footwear; (other than ski-boots, snowboard boots or cross-country ski footwear), with outer soles of rubber, plastics, leather or composition leather and uppers of leather',
  },
  {
    code: '640320',
    parent: '6403',
    description: 'Footwear; with outer soles of leather, uppers consisting of leather straps across instep and around the big toe',
  },
  {
    code: '640340',
    parent: '6403',
    description: 'Footwear; with metal toe-cap, outer soles of rubber, plastics, leather or composition leather, uppers of leather',
  },
  {
    code: '6404',
    parent: '64',
    description: 'Footwear; with outer soles of rubber, plastics, leather or composition leather and uppers of textile materials',
  },
  {
    code: '640411',
    parent: '6404',
    description:
      'Sports footwear; tennis shoes, basketball shoes, gym shoes, training shoes and the like, with outer soles of rubber or plastics and uppers of textile materials',
  },
  {
    code: '640419',
    parent: '6404',
    description: 'Footwear; (other than sportswear), with outer soles of rubber or plastics and uppers of textile materials',
  },
  { code: '640420', parent: '6404', description: 'Footwear; outer soles of leather or composition leather, uppers of textile materials' },
  {
    code: '4202',
    parent: '42',
    description:
      'Trunks; suit, camera, jewellery, cutlery cases; travel, tool, similar bags; wholly or mainly covered by leather, composition leather, plastic sheeting, textile materials, vulcanised fibre, paperboard',
  },
  {
    code: '420211',
    parent: '4202',
    description:
      'Cases and containers; trunks, suit-cases, vanity-cases, executive-cases, brief-cases, school satchels and similar containers, with outer surface of leather or of composition leather',
  },
  {
    code: '420212',
    parent: '4202',
    description:
      'Cases and containers; trunks, suit-cases, vanity-cases, executive-cases, brief-cases, school satchels and similar containers, with outer surface of plastics or of textile materials',
  },
  {
    code: '420219',
    parent: '4202',
    description:
      'Cases and containers; trunks, suit-cases, vanity-cases, executive-cases, brief-cases, school satchels and similar containers, of vulcanised fibre or of paperboard, or wholly or mainly covered with such materials or with paper',
  },
  {
    code: '420221',
    parent: '4202',
    description:
      'Cases and containers; handbags (whether or not with shoulder strap and including those without handle), with outer surface of leather or of composition leather',
  },
  {
    code: '6505',
    parent: '65',
    description:
      'Hats and other headgear; knitted or crocheted, or made up from lace, felt or other textile fabric, in the piece (but not in strips), whether or not lined or trimmed; hair-nets of any material, whether or not lined or trimmed',
  },
  {
    code: '650500',
    parent: '6505',
    description:
      'Hats and other headgear; knitted or crocheted, or made up from lace, felt or other textile fabric, in the piece (but not in strips), whether or not lined or trimmed; hair-nets of any material, whether or not lined or trimmed',
  },
  {
    code: '9506',
    parent: '95',
    description:
      'Gymnastics, athletics, other sports (including table tennis) or outdoor games equipment, n.e.c. in this chapter, swimming pools and paddling pools',
  },
  { code: '950611', parent: '9506', description: 'Skis; for snow' },
  { code: '950612', parent: '9506', description: 'Ski-fastenings (ski-bindings); for snow-skis' },
  { code: '950619', parent: '9506', description: 'Snow-ski equipment' },
  { code: '950621', parent: '9506', description: 'Sailboards; for water sport' },
  {
    code: '9503',
    parent: '95',
    description:
      "Tricycles, scooters, pedal cars and similar wheeled toys; dolls' carriages; dolls; other toys; reduced-size (scale) models and similar recreational models, working or not; puzzles of all kinds",
  },
  {
    code: '950300',
    parent: '9503',
    description:
      "Tricycles, scooters, pedal cars and similar wheeled toys; dolls' carriages; dolls; other toys; reduced-size (scale) models and similar recreational models, working or not; puzzles of all kinds",
  },
  {
    code: '8517',
    parent: '85',
    description:
      'Telephone sets, including smartphones and other telephones for cellular/wireless networks; other apparatus for the transmission or reception of voice, images or other data (including wired/wireless networks), excluding items of 8443, 8525, 8527, or 8528',
  },
  { code: '851711', parent: '8517', description: 'Line telephone sets with cordless handsets' },
  { code: '851713', parent: '8517', description: 'Telephone sets; smartphones for cellular or other wireless networks' },
  { code: '851714', parent: '8517', description: 'Telephone sets; other than smartphones, for cellular or other wireless networks' },
  { code: '851718', parent: '8517', description: 'Telephone sets n.e.c. in item no. 8517.1' },
  {
    code: '8471',
    parent: '84',
    description:
      'Automatic data processing machines and units thereof, magnetic or optical readers, machines for transcribing data onto data media in coded form and machines for processing such data, not elsewhere specified or included',
  },
  {
    code: '847130',
    parent: '8471',
    description:
      'Automatic data processing machines; portable, weighing not more than 10kg, consisting of at least a central processing unit, a keyboard and a display',
  },
  {
    code: '847141',
    parent: '8471',
    description:
      'Automatic data processing machines; comprising in the same housing at least a central processing unit and an input and output unit, whether or not combined, n.e.c. in item no. 8471.30',
  },
  {
    code: '847149',
    parent: '8471',
    description: 'Automatic data processing machines; presented in the form of systems, n.e.c. in item no. 8471.30 or 8471.41',
  },
  {
    code: '847150',
    parent: '8471',
    description:
      'Units of automatic data processing machines; processing units other than those of item no. 8471.41 or 8471.49, whether or not containing in the same housing one or two of the following types of unit: storage units, input units or output units',
  },
  {
    code: '8528',
    parent: '85',
    description:
      'Monitors and projectors, not incorporating television reception apparatus; reception apparatus for television, whether or not incorporating radio-broadcast receivers or sound or video recording or reproducing apparatus',
  },
  {
    code: '852842',
    parent: '8528',
    description:
      'Monitors; cathode-ray tube, capable of directly connecting to and designed for use with an automatic data processing machine of heading 84.71',
  },
  { code: '852849', parent: '8528', description: 'Monitors; cathode-ray tube, n.e.c. in subheading 8528.42, whether or not colour' },
  {
    code: '852852',
    parent: '8528',
    description:
      'Monitors; other than cathode-ray tube; capable of directly connecting to and designed for use with an automatic data processing machine of heading 84.71',
  },
  {
    code: '852859',
    parent: '8528',
    description: 'Monitors other than cathode-ray tube; n.e.c. in subheading 8528.52, whether or not colour',
  },
  { code: '8542', parent: '85', description: 'Electronic integrated circuits' },
  {
    code: '854231',
    parent: '8542',
    description:
      'Electronic integrated circuits; processors and controllers, whether or not combined with memories, converters, logic circuits, amplifiers, clock and timing circuits, or other circuits',
  },
  { code: '854232', parent: '8542', description: 'Electronic integrated circuits; memories' },
  { code: '854233', parent: '8542', description: 'Electronic integrated circuits; amplifiers' },
  { code: '854239', parent: '8542', description: 'Electronic integrated circuits; n.e.c. in heading no. 8542' },
  {
    code: '8703',
    parent: '87',
    description:
      'Motor cars and other motor vehicles; principally designed for the transport of persons (other than those of heading no. 8702), including station wagons and racing cars',
  },
  { code: '870310', parent: '8703', description: 'Vehicles; specially designed for travelling on snow, golf cars and similar vehicles' },
  {
    code: '870321',
    parent: '8703',
    description: 'Vehicles; with only spark-ignition internal combustion piston engine, cylinder capacity not over 1000cc',
  },
  {
    code: '870322',
    parent: '8703',
    description: 'Vehicles; with only spark-ignition internal combustion piston engine, cylinder capacity over 1000 but not over 1500cc',
  },
  {
    code: '870323',
    parent: '8703',
    description:
      'Vehicles; with only spark-ignition internal combustion reciprocating piston engine, cylinder capacity over 1500 but not over 3000cc',
  },
  {
    code: '4407',
    parent: '44',
    description:
      'Wood sawn or chipped lengthwise, sliced or peeled, whether or not planed, sanded or finger-jointed, of a thickness exceeding 6mm',
  },
  {
    code: '440711',
    parent: '4407',
    description:
      'Wood; coniferous species, of pine (Pinus spp.), sawn or chipped lengthwise, sliced or peeled, whether or not planed, sanded or finger-jointed, of a thickness exceeding 6mm',
  },
  {
    code: '440712',
    parent: '4407',
    description:
      'Wood; coniferous species, of fir (Abies spp.) and spruce (Picea spp.), sawn or chipped lengthwise, sliced or peeled, whether or not planed, sanded or finger-jointed, of a thickness exceeding 6mm',
  },
  {
    code: '440713',
    parent: '4407',
    description:
      'Wood; coniferous species, of S-P-F (spruce (Picea spp.), pine (Pinus spp.) and fir (Abies spp.)), sawn or chipped lengthwise, sliced or peeled, whether or not planed, sanded or finger-jointed, of a thickness exceeding 6mm',
  },
  {
    code: '440714',
    parent: '4407',
    description: 'Wood; coniferous species, of Hem-fir (western hemlock (Tsuga heterophylla) and fir (Abies spp.))',
  },
  {
    code: '4418',
    parent: '44',
    description: "Builders' joinery and carpentry of wood, including cellular wood panels, assembled flooring panels, shingles and shakes",
  },
  { code: '441811', parent: '4418', description: 'Wood; windows, French-windows and their frames; of tropical wood' },
  { code: '441819', parent: '4418', description: 'Wood; windows, French-windows and their frames; (of other than tropical wood)' },
  { code: '441821', parent: '4418', description: 'Wood; doors and their frames and thresholds, of tropical wood;' },
  { code: '441829', parent: '4418', description: 'Wood; doors and their frames and thresholds, (of other than tropical wood)' },
  { code: '9403', parent: '94', description: 'Furniture and parts thereof, n.e.c. in chapter 94' },
  { code: '940310', parent: '9403', description: 'Furniture; metal, for office use' },
  { code: '940320', parent: '9403', description: 'Furniture; metal, other than for office use' },
  { code: '940330', parent: '9403', description: 'Furniture; wooden, for office use' },
  { code: '940340', parent: '9403', description: 'Furniture; wooden, for kitchen use' },
  {
    code: '0306',
    parent: '03',
    description:
      'Crustaceans; in shell or not, live, fresh, chilled, frozen, dried, salted or in brine; smoked, cooked or not before or during smoking; in shell, steamed or boiled, whether or not chilled, frozen, dried, salted or in brine',
  },
  {
    code: '030611',
    parent: '0306',
    description:
      'Crustaceans; frozen, rock lobsters and other sea crawfish (Palinurus spp., Panulirus spp., Jasus spp.), in shell or not, smoked, cooked or not before or during smoking; in shell, cooked by steaming or by boiling in water',
  },
  {
    code: '030612',
    parent: '0306',
    description:
      'Crustaceans; frozen, lobsters (Homarus spp.), in shell or not, smoked, cooked or not before or during smoking; in shell, cooked by steaming or by boiling in water',
  },
  {
    code: '030614',
    parent: '0306',
    description:
      'Crustaceans; frozen, crabs, in shell or not, smoked, cooked or not before or during smoking; in shell, cooked by steaming or by boiling in water',
  },
  {
    code: '030615',
    parent: '0306',
    description:
      'Crustaceans; frozen, Norway lobsters (Nephrops norvegicus), in shell or not, smoked, cooked or not before or during smoking; in shell, cooked by steaming or by boiling in water',
  },
];
