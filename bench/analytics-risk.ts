/**
 * The OEM-risk questions of bench/analytics.ts (rival overlap, unit values, upstream exposure, country
 * indicators): each part of the feature adds its builder here. A builder picks its own inputs from the data
 * (the brand sharing most facilities, the exporter with most quantities, …) and returns its cases, each
 * with a hand-written SQL twin on the base tables.
 */
import { indicatorCases } from './analytics-indicators';
import { overlapCases } from './analytics-overlap';
import type { RiskCases } from './analytics-risk-case';
import { unitValueCases } from './analytics-unitvalue';
import { upstreamCases } from './analytics-upstream';

export type { Query, RiskCases } from './analytics-risk-case';

/** Every part's builder, in the order their rows appear in the table. */
export const RISK_CASES: RiskCases[] = [overlapCases, unitValueCases, upstreamCases, indicatorCases];
