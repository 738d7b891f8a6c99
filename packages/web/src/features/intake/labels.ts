import type { InquiryStage } from '@trellis/domain';

export const SOURCE_LABELS: Record<string, string> = {
  phone: 'Phone call',
  web_form: 'Web form',
  referral: 'Referral',
};

export const STAGE_COLORS: Record<InquiryStage, string> = {
  new: 'blue',
  contacted: 'cyan',
  screened: 'teal',
  benefits_checked: 'grape',
  assessment_booked: 'indigo',
  admitted: 'green',
  closed: 'gray',
};

/** "3 h", "2 days", "5 weeks": how long ago, in the unit a person would use. */
export function ageOf(instant: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(instant).getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'just now' : `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  if (days < 14) return days === 1 ? '1 day' : `${days} days`;
  return `${Math.round(days / 7)} weeks`;
}

/** 5550100123 → 555-010-0123. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const d = phone.replace(/\D/g, '');
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}` : phone;
}

/** A value for <input type="datetime-local"> from an instant, in this browser's zone. */
export function toLocalInput(instant: string | null | undefined): string {
  if (!instant) return '';
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The instant (ISO with zone) of a datetime-local value, read in this browser's zone. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}
