import { ASAM_LEVEL, type api, patternMinutes } from '@trellis/domain';
import { type Census, EMPTY_CENSUS } from './repo.js';
import type { TrackRow } from './tables.js';

export function toTrack(row: TrackRow, census: Census = EMPTY_CENSUS): api.Track {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    population: row.population,
    ageGroup: row.age_group,
    levelOfCare: row.level_of_care,
    asamLevel: ASAM_LEVEL[row.level_of_care],
    modality: row.modality,
    locationId: row.location_id,
    capacity: row.capacity,
    weeklyPattern: row.weekly_pattern,
    weeklyHours: patternMinutes(row.weekly_pattern) / 60,
    intensity: row.intensity,
    status: row.status,
    census,
    version: row.version,
  };
}
