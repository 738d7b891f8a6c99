/** One-time links for people without an account: self-report, signatures by link, join links. */
export { type IssuedLink, type IssueLinkInput, issueLink } from './issue-link.js';
export { type LinkRequestContext, peekLink, redeemLink } from './redeem-link.js';
export { revokeLinksFor } from './revoke-links.js';
export { type LinkUse, toLinkInfo } from './to-api.js';
