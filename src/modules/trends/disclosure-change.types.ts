import { ObjectType } from 'type-graphql';
import type { CapacityWeight, SupplierDimension } from '../concentration/supplier-concentration.types';

@ObjectType({
  description:
    "How a brand's sourcing changed between two dates d1 < d2 ([disclosure change](/docs/metrics#disclosure-change)): each side is the brand's latest disclosure on or before its date (empty when it has none by then). Facilities added, dropped and kept (one facility across dates, by the import's match rule), shares of each participant at both sides and their shift in percentage points, the concentration at both sides and ΔHHI. Batched: every field costs the same statements for one brand as for a list.",
})
export class DisclosureChange {
  /** The brand, and the arguments every field reads its two sides with. */
  brandId!: number;
  from!: string;
  /** null = the brand's latest disclosure. */
  to!: string | null;
  by!: SupplierDimension;
  weight!: CapacityWeight;
}

/** How a facility of the brand's market changed between the two sides. */
export type FacilityChange = 'ADDED' | 'DROPPED' | 'KEPT';
