/** The intake module as other modules may use it. */
export { createInquiry, writeInquiry } from './create-inquiry.js';
export { getInquiry } from './get-inquiries.js';
export { moveInquiry } from './move-inquiry.js';
export { recordScreening } from './record-screening.js';
export { createReferralSource, getReferralSource, listReferralSources } from './referral-sources.js';
