/** A named set of countries, with the membership date it reflects. */
export interface CountryGroupRow {
  id: string;
  name: string;
  description: string;
  members: string[];
}

/** Groups for "extra-group" analyses. Memberships are the current ones; the description says since when. */
export const COUNTRY_GROUPS: CountryGroupRow[] = [
  {
    id: 'EU27',
    name: 'European Union (27)',
    description: 'The 27 member states of the European Union since the United Kingdom left on 1 February 2020.',
    members: [
      'AUT',
      'BEL',
      'BGR',
      'HRV',
      'CYP',
      'CZE',
      'DNK',
      'EST',
      'FIN',
      'FRA',
      'DEU',
      'GRC',
      'HUN',
      'IRL',
      'ITA',
      'LVA',
      'LTU',
      'LUX',
      'MLT',
      'NLD',
      'POL',
      'PRT',
      'ROU',
      'SVK',
      'SVN',
      'ESP',
      'SWE',
    ],
  },
  {
    id: 'ASEAN',
    name: 'Association of Southeast Asian Nations',
    description: 'The 11 ASEAN member states, Timor-Leste included since it joined on 26 October 2025.',
    members: ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS'],
  },
  {
    id: 'USMCA',
    name: 'United States–Mexico–Canada Agreement',
    description: 'The three parties to USMCA (CUSMA/T-MEC), in force since 1 July 2020; successor of NAFTA.',
    members: ['USA', 'MEX', 'CAN'],
  },
  {
    id: 'G7',
    name: 'Group of Seven',
    description: 'The seven G7 countries (the European Union also attends but is not a member).',
    members: ['CAN', 'FRA', 'DEU', 'ITA', 'JPN', 'GBR', 'USA'],
  },
  {
    id: 'BRICS',
    name: 'BRICS',
    description:
      'BRICS full members as of 2025: Brazil, Russia, India, China, South Africa, with Egypt, Ethiopia, Iran and the United Arab Emirates (2024) and Indonesia (January 2025).',
    members: ['BRA', 'RUS', 'IND', 'CHN', 'ZAF', 'EGY', 'ETH', 'IRN', 'ARE', 'IDN'],
  },
];
