/** The programs module as other modules may use it. */
export { changeTrackStatus } from './change-track-status.js';
export { listTrackDefinitions, listTracks, type TrackDefinition } from './list-tracks.js';
export { createTrack, getTrack, getTrackName, type TrackInput, updateTrack } from './save-track.js';
export { trackForAdmission } from './track-for-admission.js';
