import fs from 'node:fs';
import { baciFormat } from '../../../src/modules/import/formats/baci';
import { comtradeFormat } from '../../../src/modules/import/formats/comtrade';
import { flowsFormat } from '../../../src/modules/import/formats/flows';
import { fileRecords, referenceContext, runFormat } from '../../support/format-harness';
import { sharedFile } from '../../support/shared-data';

// The generic flows format on the real files, whole, checked against the dedicated formats' reading of the
// same files (test/integration/formats/comtrade-real-files.test.ts and baci-real-file.test.ts check those
// against the files themselves). The hand-written cases are in test/unit/formats/flows.test.ts.
describe('flows format on the real files (#10)', () => {
  const eu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
  (eu ? it : it.skip)(
    'reads the Comtrade EU-27 extract by its column names (reporter/partner with flow_desc) exactly as the comtrade format does',
    async () => {
      const records = await fileRecords(eu!);
      const flows = runFormat(flowsFormat, records);
      const comtrade = runFormat(comtradeFormat, records);
      expect(flows.invalid).toEqual([]);
      expect(flows.metadata).toEqual({
        direction: 'by flow_desc: imports partner_iso → reporter_iso, exports reporter_iso → partner_iso',
        value: 'primary_value',
      });
      expect(flows.rows).toHaveLength(170_719);
      expect(flows.rows).toEqual(comtrade.rows);
      // The same skips, areas (E19, _X, F19, X1, XX) and self-imports counted by reason.
      expect(Object.fromEntries(flows.skipped)).toEqual(Object.fromEntries(comtrade.skipped));
    },
  );

  const baci = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
  (baci ? it : it.skip)(
    'reads the BACI extract given its columns, thousand USD and numeric (M49/Comtrade) codes, exactly as the baci format does',
    async () => {
      const records = await fileRecords(baci!);
      const context = referenceContext({
        flows: {
          columns: { year: 't', exporter: 'i', importer: 'j', product: 'k', value: 'v', quantity: 'q' },
          valueUnit: 'thousand-usd',
        },
      });
      const flows = runFormat(flowsFormat, records, context);
      expect(flows.invalid).toEqual([]);
      expect(flows.skipped.size).toBe(0);
      expect(flows.rows).toHaveLength(71_192);
      // k lost its leading zero ("10111" → 010111): restored, every code 6 digits as BACI's.
      expect(flows.rows.every((r) => r.row.product.length === 6)).toBe(true);
      expect(flows.rows).toEqual(runFormat(baciFormat, records).rows);
      // Without the unit the values are 1,000 times smaller: the option is what makes them USD.
      const usd = runFormat(flowsFormat, records, referenceContext({ flows: { ...context.flows, valueUnit: 'usd' } }));
      expect(usd.rows[0].row.valueUsd).toBe(52.051);
    },
  );

  const sample = sharedFile('complexity/trade_data_sample.csv');
  (sample ? it : it.skip)(
    'refuses the exporter-totals sample (year,origin,hs92,export_val: no importer) and names the exports format',
    async () => {
      const records = await fileRecords(sample!);
      expect(flowsFormat.open(records.slice(0, 5), referenceContext())).toEqual({
        error:
          "column origin names an exporter but no column names the importer (importer, dest…; or --importer-column); exports to the world are the exports format's",
        line: 1,
      });
    },
  );

  const tha = sharedFile('trade/comtrade_tha_hs030613_2007-2011.csv');
  (tha ? it : it.skip)("sends Comtrade's full layout, whose breakdown rows it cannot tell from totals, to the comtrade format", () => {
    const header = fs.readFileSync(tha!, 'utf8').split('\n')[0];
    expect(flowsFormat.open([{ line: 1, fields: header.replace(/"/g, '').split(',') }], referenceContext())).toEqual({
      error: 'this is a UN Comtrade download with breakdown rows (second partner, transport, customs): use the comtrade format',
      line: 1,
    });
  });
});
