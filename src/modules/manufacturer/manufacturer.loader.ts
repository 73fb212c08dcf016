import type { EntityManager } from '@mikro-orm/postgresql';
import { byPrimaryKey, firstChildrenByParent } from '../../graphql/loader-utils';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from './manufacturer.entity';

/** Manufacturers by id. */
export const createManufacturerLoader = (em: EntityManager) => byPrimaryKey<Manufacturer, number>(em, Manufacturer, 'id');

/** The facilities each manufacturer owns (first `limit` by id). */
export const createManufacturerFacilitiesLoader = (em: EntityManager) =>
  firstChildrenByParent<number, Facility>(em, Facility, 'facility', 'manufacturer_id');
