/** Consents as other modules may use them: coverage of disclosures, and the end of treatment. */
export { consentCoverage } from './check-disclosure.js';
export { createConsent, previewConsent } from './create-consent.js';
export { getConsent, listConsents } from './read-consents.js';
export { endConsentsAtEpisodeEnd, endConsentsAtEvent, revokeConsent } from './revoke-consent.js';
