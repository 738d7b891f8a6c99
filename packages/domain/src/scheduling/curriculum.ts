/**
 * Curriculum rotation for open (rolling-admission) groups. The module of a session depends only on
 * how many sessions of the series have been held before it, so a cancelled or closed day does not
 * use up a module, and anyone who attends `curriculum.length` sessions in a row has had every
 * module once, whichever week they joined.
 */

export interface ModuleRef {
  /** 0-based position in the curriculum. */
  index: number;
  title: string;
}

export interface CurriculumModule extends ModuleRef {
  /** 0 for the first pass through the curriculum, 1 for the second, … */
  cycle: number;
}

/**
 * The module of the held session number `heldIndex` (0-based) of a series whose first held
 * session teaches module `startModule`. Null when the series has no curriculum.
 */
export function moduleForSession(
  curriculum: readonly string[],
  heldIndex: number,
  startModule = 0,
): CurriculumModule | null {
  if (curriculum.length === 0) return null;
  const position = startModule + heldIndex;
  const index = position % curriculum.length;
  return { index, title: curriculum[index] as string, cycle: Math.floor(position / curriculum.length) };
}

/** Where a series split at a held session should start its rotation to carry on without a gap. */
export function nextStartModule(curriculumLength: number, heldBefore: number, startModule = 0): number {
  return curriculumLength === 0 ? 0 : (startModule + heldBefore) % curriculumLength;
}

/**
 * The modules a participant has not had yet, given the modules of the sessions they attended
 * (such as `occurrence.module` of each), in curriculum order.
 */
export function modulesMissing(
  curriculum: readonly string[],
  attended: readonly (ModuleRef | null)[],
): ModuleRef[] {
  const seen = new Set(attended.flatMap((m) => (m ? [m.index] : [])));
  return curriculum.flatMap((title, index) => (seen.has(index) ? [] : [{ index, title }]));
}
