/** The programs module as other modules may use it. */
export { changeTrackStatus } from './change-track-status.js';
export { listTracks } from './list-tracks.js';
export { createTrack, getTrack, getTrackName, type TrackInput, updateTrack } from './save-track.js';
export { trackForAdmission } from './track-for-admission.js';
