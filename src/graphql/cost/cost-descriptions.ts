import { isObjectType, type GraphQLSchema } from 'graphql';
import type { FieldCost } from './cost-model';
import { COST_TABLE } from './cost-table';

/** The "Cost: …" sentence of one table entry, or null for a field that costs only the general rule. */
export function costSentence(cost: FieldCost): string | null {
  const parts: string[] = [];
  if (cost.base) parts.push(cost.base.text);
  if (cost.list) parts.push(`each item (1 + its selection) × ${cost.list.text}`);
  if (cost.itemOf) parts.push(`each item (1 + its selection) × ${cost.itemOf.text}`);
  for (const [path, size] of Object.entries(cost.items ?? {})) parts.push(`\`${path}\` × ${size.text}`);
  if (cost.count?.text) parts.push(`totalCount: ${cost.count.text}`);
  return parts.length ? `Cost: ${parts.join('; ')}.` : null;
}

/**
 * Appends each field's cost sentence (from COST_TABLE) to its schema description, so the analyst reads
 * the price next to the field. Mutates and returns `schema`; run once, before the schema is printed or served.
 */
export function withCostDescriptions(schema: GraphQLSchema): GraphQLSchema {
  for (const [key, cost] of Object.entries(COST_TABLE)) {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    const sentence = costSentence(cost);
    if (!field || !sentence || field.description?.includes('Cost: ')) continue;
    field.description = field.description ? `${field.description} ${sentence}` : sentence;
  }
  return schema;
}
