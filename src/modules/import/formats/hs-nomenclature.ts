import type { Parsed, ProductRecord, SourceFormat, SourceRecord } from '../types';

/**
 * The HS nomenclature: UN Comtrade's table `section,hscode,description,parent,level` (chapters, headings and
 * subheadings, with their sections), or BACI's product table `code,description` (subheadings only, their
 * leading zero dropped). Codes keep their leading zeros: "010121".
 */

type Result = Parsed<ProductRecord>;

const invalid = (reason: string): Result => ({ kind: 'invalid', reason });
const SKIP_TOTAL: Result = { kind: 'skip', reason: 'the TOTAL row (all commodities) is not an HS code' };

/** Sections I–XXI as printed, in order: the index + 1 is the section number. */
const SECTIONS = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
  'XXI',
];
const TOTAL = 'TOTAL';
const HS_CODE = /^\d{2}(\d{2}(\d{2})?)?$/;

const NOMENCLATURE_COLUMNS = ['section', 'hscode', 'description', 'parent', 'level'];
const BACI_COLUMNS = ['code', 'description'];

const headerNames = (record: SourceRecord) =>
  record.fields.map((name) =>
    name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );

/** Comtrade's table; columns found by name, so their order does not matter. */
function nomenclatureMapper(names: string[]): (record: SourceRecord) => Result {
  const [sectionAt, codeAt, descriptionAt, parentAt, levelAt] = NOMENCLATURE_COLUMNS.map((name) => names.indexOf(name));
  const count = names.length;

  return ({ fields }) => {
    if (fields.length !== count) return invalid(`expected ${count} fields as in the header, found ${fields.length}`);
    const code = fields[codeAt].trim();
    if (code.toUpperCase() === TOTAL) return SKIP_TOTAL;
    if (!HS_CODE.test(code)) return invalid(`column hscode: "${fields[codeAt]}" is not an HS code (2, 4 or 6 digits)`);
    const level = code.length as 2 | 4 | 6;
    const levelText = fields[levelAt].trim();
    if (levelText !== String(level)) return invalid(`column level: "${levelText}" does not match the ${level} digits of ${code}`);

    const description = fields[descriptionAt].trim();
    if (description === '') return invalid(`column description is empty for ${code}`);

    const parentText = fields[parentAt].trim();
    let parent: string | null = null;
    if (level === 2) {
      // Chapters hang from the TOTAL row, which is not a code.
      if (parentText !== '' && parentText.toUpperCase() !== TOTAL)
        return invalid(`column parent: "${parentText}" for chapter ${code} should be TOTAL`);
    } else {
      parent = code.slice(0, level - 2);
      if (parentText !== parent) return invalid(`column parent: "${parentText}" is not the first ${level - 2} digits of ${code}`);
    }

    const sectionText = fields[sectionAt].trim().toUpperCase();
    let section: number | null = null;
    if (sectionText !== '' && sectionText !== TOTAL) {
      section = SECTIONS.indexOf(sectionText) + 1;
      if (section === 0) return invalid(`column section: "${fields[sectionAt]}" is not a section (I to XXI, or TOTAL)`);
    }
    return { kind: 'row', row: { code, level, description, parent, section } };
  };
}

/** BACI's product table: HS-6 codes written as numbers ("10111" is 010111); each heading is its parent. */
function baciMapper(names: string[]): (record: SourceRecord) => Result {
  const [codeAt, descriptionAt] = BACI_COLUMNS.map((name) => names.indexOf(name));
  const count = names.length;

  return ({ fields }) => {
    if (fields.length !== count) return invalid(`expected ${count} fields as in the header, found ${fields.length}`);
    const written = fields[codeAt].trim();
    if (!/^\d{5,6}$/.test(written))
      return invalid(`column code: "${fields[codeAt]}" is not an HS-6 code (5 or 6 digits, BACI drops the leading zero)`);
    const code = written.padStart(6, '0');
    const description = fields[descriptionAt].trim();
    if (description === '') return invalid(`column description is empty for ${code}`);
    return { kind: 'row', row: { code, level: 6, description, parent: code.slice(0, 4), section: null } };
  };
}

const hasAll = (names: string[], wanted: string[]) => wanted.every((name) => names.includes(name));

/** HS nomenclature files: UN Comtrade's `section,hscode,description,parent,level` or BACI's `code,description`. */
export const hsNomenclatureFormat: SourceFormat<ProductRecord> = {
  id: 'hs',
  description: 'HS nomenclature (section,hscode,description,parent,level; or BACI product codes code,description)',
  open(firstRecords) {
    const header = firstRecords[0];
    const names = header ? headerNames(header) : [];
    if (hasAll(names, NOMENCLATURE_COLUMNS)) return { headerIndex: 0, metadata: {}, map: nomenclatureMapper(names) };
    if (hasAll(names, BACI_COLUMNS)) return { headerIndex: 0, metadata: {}, map: baciMapper(names) };
    return {
      error: `expected header ${NOMENCLATURE_COLUMNS.join(',')} (HS nomenclature) or ${BACI_COLUMNS.join(',')} (BACI product codes), found ${header ? header.fields.join(',') : 'an empty file'}`,
      line: header ? header.line : 1,
    };
  },
};
