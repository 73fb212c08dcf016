import { participantFieldsResolver } from '../concentration/concentration-share.resolver';
import { ShareShift } from './share-shift.types';

/** The typed participant of a share shift (country, product, facility, manufacturer, brand). */
export const ShareShiftResolver = participantFieldsResolver(ShareShift);
