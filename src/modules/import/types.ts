/**
 * The contract between the import pipeline (streaming, validation, staging, merge) and the source
 * formats (BACI, Comtrade, brand disclosures, Open Supply Hub, HS nomenclature). A format is pure: it turns
 * CSV records into typed rows, or says why a record is skipped or invalid; it never touches the database.
 */

/** One CSV record of a source file with its 1-based physical line number (where the record starts). */
export interface SourceRecord {
  line: number;
  fields: string[];
}

/** What a format makes of one record. */
export type Parsed<T> =
  | { kind: 'row'; row: T }
  /** Not data for tradegraph, by design (a "World" partner, a re-export…): counted in the summary, not an error. */
  | { kind: 'skip'; reason: string }
  /** Malformed or inconsistent: the load stops (or, with --skip-invalid, the record goes to the report). */
  | { kind: 'invalid'; reason: string };

/** Reference data a format may need to validate and translate codes. */
export interface FormatContext {
  /** ISO 3166-1 alpha-3 codes of the known countries. */
  countries: ReadonlySet<string>;
  /** ISO numeric (M49) code → alpha-3, for sources that use numeric codes. */
  countriesByNumeric: ReadonlyMap<number, string>;
  /** Source-specific country code table, e.g. BACI's `country_code → iso_3digit_alpha` (from --countries). */
  sourceCountryCodes?: ReadonlyMap<number, string>;
  /** A disclosure date given on the command line (YYYY-MM-DD), overriding what the file says. */
  disclosedAt?: string;
  /** A brand name given on the command line, for files that do not name it. */
  brand?: string;
  /** The flows format's column names and units from the command line. */
  flows?: FlowsOptions;
}

/** The columns the flows format reads (see formats/flows.ts). */
export type FlowsColumn = 'year' | 'exporter' | 'importer' | 'reporter' | 'partner' | 'flow' | 'product' | 'value' | 'quantity';

/** What the command line says about a flows file. */
export interface FlowsOptions {
  /** Header names of columns, overriding the names the format looks for. */
  columns?: Partial<Record<FlowsColumn, string>>;
  /** Unit of the value column (default USD). */
  valueUnit?: 'usd' | 'thousand-usd' | 'million-usd';
  /** Unit of the quantity column (default metric tons). */
  quantityUnit?: 'tons' | 'kg';
}

/** A format opened on a file: where its header is, what it learned from the preamble, how to map records. */
export interface OpenedFormat<T> {
  /** Index (0-based, within the records given to `open`) of the header record; data starts after it. */
  headerIndex: number;
  /** Facts read from the preamble or header, e.g. `{ disclosedAt: '2021-02-01' }` from Nike's banner. */
  metadata: Record<string, string>;
  map(record: SourceRecord): Parsed<T>;
}

/** A source format. `open` sees the first records of the file (up to 5) and recognises the header. */
export interface SourceFormat<T> {
  /** Command-line name, e.g. "baci". */
  id: string;
  /** One line for --help. */
  description: string;
  /**
   * Recognises the layout from the first records. Returns the opened format, or an error message that says
   * which header was expected (the pipeline names the file and line).
   */
  open(firstRecords: SourceRecord[], context: FormatContext): OpenedFormat<T> | { error: string; line: number };
}

/** A bilateral trade flow as the sources give it, already directed (exporter → importer) and in USD. */
export interface FlowRecord {
  year: number;
  exporter: string;
  importer: string;
  /** HS code with leading zeros, 2, 4 or 6 digits as reported. */
  product: string;
  valueUsd: number;
  quantityTons: number | null;
}

/** What one country exported of one product in one year to the whole world (no importer), in USD. */
export interface ExportTotalRecord {
  year: number;
  exporter: string;
  /** HS code with leading zeros, 2, 4 or 6 digits as reported. */
  product: string;
  valueUsd: number;
}

/** One facility in a brand's disclosure list. */
export interface DisclosureRecord {
  brand: string;
  /** Parent company of the brand when the file says (VF Corporation for The North Face), else null. */
  brandParent: string | null;
  /**
   * Further brands of the same parent that the row names for the same facility (Nike's "NIKE, Converse"):
   * each gets its own sourcing link, as `brand` does.
   */
  alsoBrands?: string[];
  /** Supplier group / manufacturer name as disclosed, or null. */
  supplierGroup: string | null;
  facilityName: string;
  country: string;
  address: string | null;
  city: string | null;
  /** Our product type id: APPAREL, FOOTWEAR, EQUIPMENT, BAGS, HEADWEAR, HOME_TEXTILES, TEXTILES or OTHER. */
  productType: string;
  facilityType: string | null;
  workersMin: number | null;
  workersMax: number | null;
  /** YYYY-MM-DD: from the file (Nike's banner), the command line, or null when neither says. */
  disclosedAt: string | null;
}

/** One facility of an Open Supply Hub download. */
export interface OpenSupplyHubRecord {
  osId: string;
  name: string;
  address: string | null;
  country: string;
  latitude: number | null;
  longitude: number | null;
  sector: string | null;
  contributors: string[];
  workersMin: number | null;
  workersMax: number | null;
  parentCompany: string | null;
  facilityType: string | null;
}

/** One code of the HS nomenclature. */
export interface ProductRecord {
  code: string;
  level: 2 | 4 | 6;
  description: string;
  /** Parent code, null for chapters. */
  parent: string | null;
  /** Section number 1–21, null where the source gives none. */
  section: number | null;
}
