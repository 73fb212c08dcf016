import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import type { GraphQLContext } from '../../graphql/context';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Country } from '../country/country.entity';
import { CountryGroup } from './country-group.entity';

@ObjectType({ description: 'A page of country groups, ordered by code.' })
export class CountryGroupConnection extends Connection(CountryGroup, 'CountryGroup') {}

@Resolver(() => CountryGroup)
export class CountryGroupResolver {
  @Query(() => CountryGroup, {
    nullable: true,
    description: 'One country group by code (case-insensitive), e.g. "EU27"; null when no such group.',
  })
  countryGroup(@Arg('id', () => String, { description: 'Group code, e.g. "ASEAN".' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.countryGroup.load(id.trim().toUpperCase());
  }

  @Query(() => CountryGroupConnection, { description: 'Named country groups (EU27, ASEAN, USMCA, G7, BRICS…), in code order.' })
  countryGroups(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext) {
    const qb = ctx.em.createQueryBuilder(CountryGroup, 'g');
    return paginate(qb, page, { keyProperty: 'id', keyKind: 'string', keyOf: (g) => g.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => [Country], { description: 'Member countries, in alpha-3 order.' })
  members(
    @Root() group: CountryGroup,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.groupMembers, 'by alpha-3 id') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.groupMembers.with({ limit: boundedFirst(first, LIST_BOUNDS.groupMembers) }).load(group.id);
  }
}
