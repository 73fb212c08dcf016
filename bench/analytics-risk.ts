/* eslint-disable @typescript-eslint/no-explicit-any -- the bench's queries return rows of any shape */
/**
 * The OEM-risk questions of bench/analytics.ts (rival overlap, unit values, upstream exposure, country
 * indicators): each part of the feature adds its builder here. A builder picks its own inputs from the data
 * (the brand sharing most facilities, the exporter with most quantities, …) and returns its cases, each
 * with a hand-written SQL twin on the base tables.
 */
import type { Case } from './analytics-case';
import type { BenchInputs } from './analytics-cases';
// #12 upstream exposure
import { upstreamCases } from './analytics-upstream';

export type Query = (text: string, values?: unknown[]) => Promise<any[]>;
export type RiskCases = (inputs: BenchInputs, q: Query) => Promise<Case[]>;

/** Every part's builder, in the order their rows appear in the table. */
export const RISK_CASES: RiskCases[] = [
  // #12 upstream exposure
  upstreamCases,
];
