import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Concentration } from './concentration.types';

export enum SupplierDimension {
  FACILITY = 'FACILITY',
  MANUFACTURER = 'MANUFACTURER',
  COUNTRY = 'COUNTRY',
}
registerEnumType(SupplierDimension, {
  name: 'SupplierDimension',
  description: "What a brand's suppliers are grouped by.",
  valuesConfig: {
    FACILITY: { description: 'Each facility is a participant (participantId = facility id).' },
    MANUFACTURER: { description: 'Facilities grouped by their owner (participantId = manufacturer id); a facility without one counts as its own manufacturer ("facility:<id>").' },
    COUNTRY: { description: 'Facilities grouped by country (participantId = ISO alpha-3).' },
  },
});

export enum CapacityWeight {
  CAPACITY = 'CAPACITY',
  COUNT = 'COUNT',
}
registerEnumType(CapacityWeight, {
  name: 'CapacityWeight',
  description: 'How much a facility weighs in its brand market.',
  valuesConfig: {
    CAPACITY: { description: 'Its workers: exact, or the midpoint of the disclosed range. Facilities with unknown workers are left out and counted in unknownCapacity.' },
    COUNT: { description: 'Every facility weighs 1.' },
  },
});

@ObjectType({ description: "Concentration of a brand's suppliers at one disclosure date. A facility serving several brands counts in full in each brand's market." })
export class SupplierConcentration extends Concentration {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Disclosure date the market was read at (the latest on or before `asOf`); null when the brand has no disclosure by then.' })
  asOf!: string | null;

  @Field(() => Int, { description: 'Facilities of this disclosure left out because their capacity is unknown (CAPACITY weight only; never weighed as 0 or 1).' })
  unknownCapacity!: number;
}
