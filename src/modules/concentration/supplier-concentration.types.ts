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
    MANUFACTURER: {
      description:
        'Facilities grouped by their owner (participantId = manufacturer id); a facility without one counts as its own manufacturer ("facility:<id>").',
    },
    COUNTRY: { description: 'Facilities grouped by country (participantId = ISO alpha-3).' },
  },
});

export enum CapacityWeight {
  CAPACITY = 'CAPACITY',
  COUNT = 'COUNT',
  VOLUME = 'VOLUME',
  VALUE = 'VALUE',
}
registerEnumType(CapacityWeight, {
  name: 'CapacityWeight',
  description: 'How much a facility weighs in its brand market ([capacity](/docs/metrics#capacity)).',
  valuesConfig: {
    CAPACITY: {
      description:
        'Its workers: exact, or the midpoint of the disclosed range. Facilities with unknown workers are left out and counted in unknownCapacity.',
    },
    COUNT: { description: 'Every facility weighs 1.' },
    VOLUME: {
      description:
        'The production volume the disclosure gave (units), where brands publish one. Facilities without one are left out and counted in unknownCapacity.',
    },
    VALUE: {
      description:
        'The purchase value the disclosure gave (USD), where brands publish one. Facilities without one are left out and counted in unknownCapacity.',
    },
  },
});

@ObjectType({
  description:
    "Concentration of a brand's suppliers at one disclosure date. A facility serving several brands counts in full in each brand's market.",
})
export class SupplierConcentration extends Concentration {
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Disclosure date the market was read at (the latest on or before `asOf`); null when the brand has no disclosure by then.',
  })
  asOf!: string | null;

  @Field(() => Int, {
    description:
      'Facilities of this disclosure left out because their weight (workers, volume or value) is unknown; never weighed as 0 or 1 (always 0 for COUNT).',
  })
  unknownCapacity!: number;
}

@ObjectType({
  description:
    "Concentration of a manufacturer's customers (brands) at a date: each facility's capacity is split among the brands linked to it then — by their disclosed volumes when all of them disclosed one, evenly otherwise.",
})
export class CustomerConcentration extends Concentration {
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date asked: each brand's latest disclosure on or before it counts; null = each brand's latest.",
  })
  asOf!: string | null;

  @Field(() => Int, { description: "The manufacturer's linked facilities left out because their weight is unknown (always 0 for COUNT)." })
  unknownCapacity!: number;
}
