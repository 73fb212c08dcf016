import { type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Brand } from '../brand/brand.entity';
import { Country } from '../country/country.entity';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from '../manufacturer/manufacturer.entity';
import { Product } from '../product/product.entity';
import { ConcentrationShare, ParticipantKind } from './concentration.types';

/** A facility standing in as its own manufacturer (it has no owner) has participantId "facility:<id>". */
const OWNERLESS = /^facility:(\d+)$/;

/** An output type naming one participant of a market. */
export interface TypedParticipant {
  kind: ParticipantKind;
  participantId: string;
}

/**
 * The typed participant fields (country, product, facility, manufacturer, brand) of an output type that
 * names a participant, through the request's loaders (one statement per kind per level). One resolver
 * class per type, so every type naming participants navigates the same way.
 */
export function participantFieldsResolver(type: ClassType<TypedParticipant>) {
  @Resolver(() => type)
  class ParticipantFieldsResolver {
    @FieldResolver(() => Country, { nullable: true, description: 'The participant when kind = COUNTRY.' })
    country(@Root() share: TypedParticipant, @Ctx() ctx: GraphQLContext) {
      return share.kind === ParticipantKind.COUNTRY ? ctx.loaders.country.load(share.participantId) : null;
    }

    @FieldResolver(() => Product, { nullable: true, description: 'The participant when kind = PRODUCT.' })
    product(@Root() share: TypedParticipant, @Ctx() ctx: GraphQLContext) {
      return share.kind === ParticipantKind.PRODUCT ? ctx.loaders.product.load(share.participantId) : null;
    }

    @FieldResolver(() => Facility, {
      nullable: true,
      description: 'The participant when kind = FACILITY, or the ownerless facility standing in as a MANUFACTURER.',
    })
    facility(@Root() share: TypedParticipant, @Ctx() ctx: GraphQLContext) {
      if (share.kind === ParticipantKind.FACILITY) return ctx.loaders.facility.load(Number(share.participantId));
      const ownerless = share.kind === ParticipantKind.MANUFACTURER ? OWNERLESS.exec(share.participantId) : null;
      return ownerless ? ctx.loaders.facility.load(Number(ownerless[1])) : null;
    }

    @FieldResolver(() => Manufacturer, {
      nullable: true,
      description: 'The participant when kind = MANUFACTURER (null for an ownerless facility: see `facility`).',
    })
    manufacturer(@Root() share: TypedParticipant, @Ctx() ctx: GraphQLContext) {
      return share.kind === ParticipantKind.MANUFACTURER && !OWNERLESS.test(share.participantId)
        ? ctx.loaders.manufacturer.load(Number(share.participantId))
        : null;
    }

    @FieldResolver(() => Brand, { nullable: true, description: 'The participant when kind = BRAND.' })
    brand(@Root() share: TypedParticipant, @Ctx() ctx: GraphQLContext) {
      return share.kind === ParticipantKind.BRAND ? ctx.loaders.brand.load(Number(share.participantId)) : null;
    }
  }
  return ParticipantFieldsResolver;
}

/** The typed participant of a share. */
export const ConcentrationShareResolver = participantFieldsResolver(ConcentrationShare);
