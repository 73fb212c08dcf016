import { ArgsType, Field, Int } from 'type-graphql';
import { checkFirst } from '../../graphql/pagination';

/** Default and largest `first` of a ranking. */
export const RANKED_DEFAULT = 20;
export const RANKED_MAX = 500;

/** The arguments every ranking of a disruption scenario takes (brands, import markets), before the concentration options. */
@ArgsType()
export class RankingArgs {
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also rank what R does not touch at all (left out by default), with a lost share of 0.',
  })
  includeUnaffected!: boolean;

  @Field(() => Int, {
    defaultValue: RANKED_DEFAULT,
    description: `How many of the most exposed to list (default ${RANKED_DEFAULT}, max ${RANKED_MAX}).`,
  })
  first!: number;
}

/** Checks `first` of a ranking (INVALID_PAGE_SIZE, PAGE_SIZE_TOO_LARGE) and returns it. */
export function checkRanking(args: RankingArgs): number {
  return checkFirst(args.first, RANKED_MAX);
}
