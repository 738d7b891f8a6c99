/** The one signature mechanism: assessments, plans, notes, consents and discharge summaries. */
export { contentHash } from './content-hash.js';
export { type SignDocumentInput, signDocument } from './sign-document.js';
export {
  getSignature,
  getSignatures,
  listAddenda,
  listSignatures,
  type SignatureCheck,
  verifySignature,
} from './verify-signature.js';
