import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ParticipantKind } from '../concentration/concentration.types';

@ObjectType({
  description:
    'One participant of a market at two times (two years, two disclosure dates): weight, share s_p = w_p / W and rank at both, the share shift in percentage points and the rank change ([share shift](/docs/metrics#share-shift)). A participant absent at one time (weight 0 then) has share 0 and no rank there. The typed field matching `kind` is set.',
})
export class ShareShift {
  @Field(() => ParticipantKind, { description: 'What the participant is.' })
  kind!: ParticipantKind;

  @Field({ description: 'Participant id (ISO alpha-3 for countries, HS code for products, numeric id otherwise).' })
  participantId!: string;

  @Field(() => Float, {
    description: 'Weight w_p before (trade value in USD, workers or facility count); 0 when it was not a participant then.',
  })
  weightBefore!: number;

  @Field(() => Float, { description: 'Weight w_p after; 0 when it is not a participant then.' })
  weightAfter!: number;

  @Field(() => Float, { description: 'Share s_p = w_p / W before (a fraction, 0–1); 0 when it was not a participant then.' })
  shareBefore!: number;

  @Field(() => Float, { description: 'Share s_p = w_p / W after (a fraction, 0–1); 0 when it is not a participant then.' })
  shareAfter!: number;

  @Field(() => Float, { description: 'Share shift in percentage points = 100 × (shareAfter − shareBefore): 0.20 → 0.35 is +15.' })
  shiftPoints!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank before (1 = largest, ties by participant id); null when it was not a participant then.',
  })
  rankBefore!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank after (1 = largest, ties by participant id); null when it is not a participant then.',
  })
  rankAfter!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rank change = rankBefore − rankAfter: positive = climbed (5th → 2nd is +3); null when either rank is null (it entered or left the market).',
  })
  rankChange!: number | null;
}
