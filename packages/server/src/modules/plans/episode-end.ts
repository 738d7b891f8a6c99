import type { WhenEpisodeEnds } from '../episodes/index.js';
import { closeTasksFor } from '../tasks/index.js';

/**
 * When an episode ends (discharge or a move to another track), its plan is no longer due:
 * the open "plan due" and "review due" tasks of that episode are cancelled. The plan itself
 * stays as it was, part of the episode's record.
 */
export const closePlanTasksAtEpisodeEnd: WhenEpisodeEnds = async (db, ctx, end) => {
  await closeTasksFor(
    db,
    ctx,
    { type: 'episode', id: end.episodeId },
    {
      kinds: ['plan_due', 'plan_review_due'],
      status: 'cancelled',
      note: end.kind === 'discharge' ? 'Episode discharged.' : 'Moved to another track.',
    },
  );
};
