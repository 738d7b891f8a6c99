import type { Actor } from '@trellis/domain';

export interface StaffActor extends Actor {
  /** How the audit log names the person: their email at the time of the event. */
  label: string;
}

/** Who is asking, from where, and when: passed to every use case that audits. */
export interface RequestContext {
  actor: StaffActor | null;
  ip: string | null;
  requestId: string;
  now: Date;
}
