/**
 * The static cost model (issue 8): an operation's cost computed from its document and variables before
 * any SQL runs, and the depth, alias, directive and token limits. COST_TABLE (cost-table.ts) holds every
 * price; LIST_BOUNDS (list-bounds.ts) the `first` bounds of the lists that had none.
 */
export { operationCost, MAX_EXPANDED_FIELDS } from './operation-cost';
export { costValidationRules, costParseOptions, type CostLimits } from './cost-rules';
export { queryTooComplexError, VariableCoercionError, type CostLimitKind } from './cost-errors';
export { withCostDescriptions, costSentence } from './cost-descriptions';
export { COST_TABLE } from './cost-table';
export { UNITS, type CostOptions, type FieldCost } from './cost-model';
export { LIST_BOUNDS } from './list-bounds';
