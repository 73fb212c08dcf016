import path from 'node:path';
import type { BulkSession } from '../../../database/bulk/bulk-session';
import { DatasetKind } from '../../dataset/dataset-kind';
import { loadDisclosures } from '../targets/disclosures.target';
import { loadExportTotals } from '../targets/export-totals.target';
import { loadFacilitiesOpenSupplyHub } from '../targets/facilities.target';
import { loadFlows } from '../targets/flows.target';
import { loadProducts } from '../targets/products.target';
import type { SourceFormat } from '../types';
import { eachRow, type Lined } from '../validated-rows';
import { baciFormat } from './baci';
import { brandDisclosureFormat } from './brand-disclosures';
import { comtradeFormat } from './comtrade';
import { exportTotalsFormat } from './export-totals';
import { flowsFormat } from './flows';
import { hsNomenclatureFormat } from './hs-nomenclature';
import { nikeDisclosureFormat } from './nike';
import { openSupplyHubFormat } from './open-supply-hub';

/** What a load needs to know about the file being loaded. */
export interface LoadTarget {
  session: BulkSession;
  file: string;
  datasetId: number;
  /** HS revision label for codes the load has to create, e.g. "HS1992". */
  hsLabel: string;
  /** Filled with the seconds each stage took, when the target reports them. */
  stages: Record<string, number>;
}

/** A format with where its rows go and how its datasets are named. */
export interface ImportFormat {
  format: SourceFormat<unknown>;
  kind: DatasetKind;
  /** Default licence recorded in the dataset's provenance. */
  licence: string | null;
  /** Release token in the file name (e.g. BACI's V202301), taken as the version and left out of the name. */
  versionPattern?: RegExp;
  /** Loads the file's valid rows, which come in batches (`eachRow` gives them one by one). */
  load(target: LoadTarget, batches: AsyncIterable<Array<Lined<never>>>): Promise<number>;
}

const base = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');

/** Every importable format by its command-line name. */
export const IMPORT_FORMATS: Record<string, ImportFormat> = {
  baci: {
    format: baciFormat as SourceFormat<unknown>,
    kind: DatasetKind.BACI,
    licence: 'Etalab Open Licence 2.0 (CEPII BACI)',
    versionPattern: /_?V(\d{6})/,
    load: (t, batches) => loadFlows(t.session, t.file, t.datasetId, t.hsLabel, batches, t.stages),
  },
  comtrade: {
    format: comtradeFormat as SourceFormat<unknown>,
    kind: DatasetKind.COMTRADE,
    licence: 'UN Comtrade terms of use',
    load: (t, batches) => loadFlows(t.session, t.file, t.datasetId, t.hsLabel, batches, t.stages),
  },
  flows: {
    format: flowsFormat as SourceFormat<unknown>,
    // Bilateral flows of a generic layout: the OEC's and other derived files. Not COMTRADE: a dataset's kind is
    // its provenance, and these were not read from UN Comtrade's own files.
    kind: DatasetKind.FLOWS,
    // A generic layout: the licence is the source's, given with --licence.
    licence: null,
    load: (t, batches) => loadFlows(t.session, t.file, t.datasetId, t.hsLabel, batches, t.stages),
  },
  exports: {
    format: exportTotalsFormat as SourceFormat<unknown>,
    kind: DatasetKind.EXPORT_TOTALS,
    // A generic layout: the licence is the source's, given with --licence.
    licence: null,
    load: (t, batches) => loadExportTotals(t.session, t.file, t.datasetId, t.hsLabel, eachRow(batches), t.stages),
  },
  nike: {
    format: nikeDisclosureFormat as SourceFormat<unknown>,
    kind: DatasetKind.BRAND_DISCLOSURE,
    licence: 'Published by Nike, Inc. (manufacturing map)',
    load: (t, batches) => loadDisclosures(t.session, t.file, t.datasetId, eachRow(batches)),
  },
  'brand-disclosures': {
    format: brandDisclosureFormat as SourceFormat<unknown>,
    kind: DatasetKind.BRAND_DISCLOSURE,
    licence: "Brands' published supplier lists",
    load: (t, batches) => loadDisclosures(t.session, t.file, t.datasetId, eachRow(batches)),
  },
  'open-supply-hub': {
    format: openSupplyHubFormat as SourceFormat<unknown>,
    kind: DatasetKind.OPEN_SUPPLY_HUB,
    licence: 'CC BY-SA 4.0 (Open Supply Hub)',
    load: (t, batches) => loadFacilitiesOpenSupplyHub(t.session, t.file, eachRow(batches)),
  },
  hs: {
    format: hsNomenclatureFormat as SourceFormat<unknown>,
    kind: DatasetKind.HS_NOMENCLATURE,
    licence: 'ODC-PDDL-1.0 (UN Comtrade HS classification)',
    load: (t, batches) => loadProducts(t.session, t.file, t.hsLabel, eachRow(batches)),
  },
};

/** Dataset name and version for a file: options win; else the file name, with its release token as version. */
export function datasetNaming(
  entry: ImportFormat,
  file: string,
  metadata: Record<string, string>,
  options: { dataset?: string; version?: string },
) {
  const stem = base(file);
  const release = entry.versionPattern ? stem.match(entry.versionPattern) : null;
  const name = options.dataset ?? (release ? stem.replace(release[0], '') : stem);
  const version = options.version ?? (release ? `V${release[1]}` : (metadata.disclosedAt ?? metadata.version ?? 'unversioned'));
  return { name, version };
}

/** HS revision of a file from its name (HS92 → 1992, HS17 → 2017, hs2022 → 2022), or null. */
export function hsRevisionOf(file: string): number | null {
  const match = path.basename(file).match(/HS[_-]?(\d{2}|\d{4})(?!\d)/i);
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1000 ? n : n >= 88 ? 1900 + n : 2000 + n;
}
