/* eslint-disable @typescript-eslint/no-explicit-any -- the bench's queries return rows of any shape */
/**
 * The shape of an OEM-risk part's builder (bench/analytics-risk.ts): its own file, so that the parts import
 * it without importing the registry that imports them.
 */
import type { Case } from './analytics-case';
import type { BenchInputs } from './analytics-cases';

/** A statement on the bench's database, run directly with `pg`: the hand-written twins and the input picks. */
export type Query = (text: string, values?: unknown[]) => Promise<any[]>;
/** A part's questions: it picks its inputs from the data and returns its cases, each with its SQL twin. */
export type RiskCases = (inputs: BenchInputs, q: Query) => Promise<Case[]>;
