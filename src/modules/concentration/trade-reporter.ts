/** The country whose trade a market splits: one country, or a group's members read extra-group. */
export interface TradeReporter {
  /** As asked, upper-cased: an alpha-3 code or a group code. */
  code: string;
  members: string[];
  group: boolean;
}
