import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql, type Sql } from '../../database/sql';
import { rankedShares } from '../concentration/concentration.sql';
import type { ParticipantKind } from '../concentration/concentration.types';
import { shareShiftPoints } from '../metrics/trends';
import type { ShareShift } from './share-shift.types';

/** One row of `shareShifts`: a participant of a market on both sides (nulls where it is absent). */
export interface ShareShiftRow {
  market: string | number;
  participant: string;
  weight_before: number | null;
  weight_after: number | null;
  share_before: number | null;
  share_after: number | null;
  rank_before: number | null;
  rank_after: number | null;
}

/**
 * The participants of many markets at two times in one statement. `before` and `after` select
 * (market, participant, weight) rows of the same markets at the two times; each side is ranked by
 * `rankedShares` (shares of its own total, ties by participant id). Lists every participant ranked
 * within the top `top` on either side, with its weight, share and rank on both (null where absent),
 * ordered by market, rank after, then rank before (those that left the market last).
 */
export function shareShifts(before: Sql, after: Sql, top: number): Sql {
  return sql`
    with b as (${rankedShares(before)}), a as (${rankedShares(after)})
    select coalesce(a.market, b.market) as market, coalesce(a.participant, b.participant) as participant,
           b.weight as weight_before, a.weight as weight_after, b.share as share_before, a.share as share_after,
           b.rank::int as rank_before, a.rank::int as rank_after
    from b full join a on a.market = b.market and a.participant = b.participant
    where b.rank <= ${top}::int or a.rank <= ${top}::int
    order by 1, a.rank nulls last, b.rank nulls last`;
}

/** A participant's share shift in one market of `readShareShifts`. */
export interface MarketShareShift {
  market: string | number;
  shift: ShareShift;
}

/** The share shifts of `shareShifts(before, after, top)`, in its order; `kind` types the participants. */
export async function readShareShifts(
  em: EntityManager,
  q: { before: Sql; after: Sql; top: number; kind: ParticipantKind },
): Promise<MarketShareShift[]> {
  const rows = await queryRows<ShareShiftRow>(em, shareShifts(q.before, q.after, q.top), { replan: true });
  return rows.map((row) => ({ market: row.market, shift: toShareShift(row, q.kind) }));
}

/** The API's ShareShift of a row: an absent side weighs 0 with share 0 and no rank. */
export function toShareShift(row: ShareShiftRow, kind: ParticipantKind): ShareShift {
  const shareBefore = Number(row.share_before ?? 0);
  const shareAfter = Number(row.share_after ?? 0);
  const rankBefore = row.rank_before === null ? null : Number(row.rank_before);
  const rankAfter = row.rank_after === null ? null : Number(row.rank_after);
  return {
    kind,
    participantId: String(row.participant).trim(),
    weightBefore: Number(row.weight_before ?? 0),
    weightAfter: Number(row.weight_after ?? 0),
    shareBefore,
    shareAfter,
    shiftPoints: shareShiftPoints(shareBefore, shareAfter)!,
    rankBefore,
    rankAfter,
    rankChange: rankBefore !== null && rankAfter !== null ? rankBefore - rankAfter : null,
  };
}
