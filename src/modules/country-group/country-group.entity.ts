import { Collection, Entity, ManyToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Country } from '../country/country.entity';

@ObjectType({
  description:
    'A named set of countries (EU27, ASEAN, USMCA, G7, BRICS…). As an importer a group is read "extra-group": flows between its own members are left out.',
})
@Entity({ tableName: 'country_group' })
export class CountryGroup {
  @Field(() => ID, { description: 'Short stable code, e.g. "EU27".' })
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Field({ description: 'Full name, e.g. "European Union (27 members, since 1 February 2020)".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the group is and which membership date it reflects.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToMany(() => Country, undefined, {
    owner: true,
    pivotTable: 'country_group_member',
    joinColumn: 'group_id',
    inverseJoinColumn: 'country_id',
  })
  members = new Collection<Country>(this);
}
