/** A GraphQL name (spec §2.1.9), bounded: anything else cannot name a real operation. */
const LABEL_WORTHY = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Turns operation names into a bounded set of metric label values. The client chooses the name, so
 * without a cap one script could create a time series per request: names are kept as they are (when
 * they are GraphQL names of at most 64 characters) until `maxDistinct` different ones have been seen;
 * later new names, and malformed ones, become `other`. No name is `anonymous`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(readonly maxDistinct = 200) {}

  /** The label value for an operation name. */
  labelOf(operationName: string | null | undefined): string {
    if (!operationName) return 'anonymous';
    if (!LABEL_WORTHY.test(operationName)) return 'other';
    if (this.seen.has(operationName)) return operationName;
    if (this.seen.size >= this.maxDistinct) return 'other';
    this.seen.add(operationName);
    return operationName;
  }
}
