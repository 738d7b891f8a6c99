/** The intake module as other modules (and the demo seed) may use it. */
export { admitInquiry, convertInquiry } from './convert-inquiry.js';
export { createInquiry, writeInquiry } from './create-inquiry.js';
export { addFollowUp } from './follow-ups.js';
export { getInquiry } from './get-inquiries.js';
export { moveInquiry } from './move-inquiry.js';
export { recordScreening } from './record-screening.js';
export { createReferralSource, getReferralSource, listReferralSources } from './referral-sources.js';
