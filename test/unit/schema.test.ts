import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLNamedType, isInputObjectType, isObjectType, isEnumType, parse, validate } from 'graphql';
import { EXPLORER_EXAMPLES } from '../../src/server/explorer-examples';
import { printSdl } from '../../src/graphql/schema';

const root = path.resolve(__dirname, '..', '..');
const committed = fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');

describe('the committed schema', () => {
  it('is what the code generates (run `npm run schema` after changing a resolver or type)', async () => {
    expect(committed).toBe(await printSdl());
  });

  it('accepts every example the explorer opens with', () => {
    const schema = buildSchema(committed);
    const problems = EXPLORER_EXAMPLES.flatMap((example) =>
      validate(schema, parse(example.query)).map((e) => `${example.title}: ${e.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('documents every type, field, argument and enum value', () => {
    const schema = buildSchema(committed);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
