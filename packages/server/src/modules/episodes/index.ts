/** The episodes module as other modules may use it. */
export { type AdmitInput, admitPatient } from './admit-patient.js';
export type { EpisodeEnd, WhenEpisodeEnds } from './episode-ends.js';
export {
  activePatients,
  countEpisodes,
  episodeHeaderSummary,
  episodeSummary,
  getActiveEpisode,
  getEpisode,
  listEpisodes,
  readEpisode,
} from './get-episodes.js';
export { transitionEpisode } from './transition-episode.js';
export { updateEpisode } from './update-episode.js';
