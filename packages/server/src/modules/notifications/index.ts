/** The notifications module as other modules may use it. */
export type { Channel, OutgoingMessage } from './channel.js';
export { type DeliveryResult, deliverDueMessages, MAX_ATTEMPTS, retryDelayMs } from './deliver-outbox.js';
export { DevChannel } from './dev-channel.js';
export { enqueueMessage, enqueueMessages, type MessageToPatient } from './enqueue-message.js';
export { listDevMessages, listOutbox } from './repo.js';
