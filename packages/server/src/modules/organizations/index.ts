/** The organizations module as other modules may use it. */
export {
  createLocation,
  createRoom,
  getLocations,
  getRooms,
  updateLocation,
  updateRoom,
} from './locations.js';
export {
  createOrganization,
  getOrganization,
  getSignInPolicy,
  hasAnyOrganization,
  listOrganizations,
  organizationTimeZone,
  type SignInPolicy,
  updateOrganization,
} from './organization-settings.js';
