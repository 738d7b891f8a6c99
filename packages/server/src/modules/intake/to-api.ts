import {
  type api,
  type CloseReason,
  type InquiryStage,
  type ScreeningReasonCode,
  type SuggestedLevel,
  screeningReason,
} from '@trellis/domain';
import type { Selectable } from 'kysely';
import type {
  CardRow,
  InquiryRow,
  InquiryScreeningRow,
  InquiryStageChangeTable,
  ReferralSourceRow,
} from './tables.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toReferralSource(row: ReferralSourceRow): api.ReferralSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toInquiry(row: InquiryRow): api.Inquiry {
  const hasAddress = [row.address_line1, row.address_line2, row.city, row.region, row.postal_code].some(
    Boolean,
  );
  return {
    id: row.id,
    reference: row.reference,
    source: row.source,
    stage: row.stage,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    email: row.email,
    preferredContactMethod: row.preferred_contact_method,
    bestTimeToContact: row.best_time_to_contact,
    dateOfBirth: row.date_of_birth,
    address: hasAddress
      ? {
          line1: row.address_line1,
          line2: row.address_line2,
          city: row.city,
          region: row.region,
          postalCode: row.postal_code,
        }
      : null,
    helpWanted: row.help_wanted,
    preferredSchedule: row.preferred_schedule,
    referralSourceId: row.referral_source_id,
    notes: row.notes,
    coordinatorId: row.coordinator_id,
    assessmentAt: iso(row.assessment_at),
    selfPay: row.self_pay,
    urgent: row.urgent,
    closedReason: row.closed_reason,
    closedReasonText: row.closed_reason_text,
    patientId: row.patient_id,
    episodeId: row.episode_id,
    convertedAt: iso(row.converted_at),
    consentToContactAt: iso(row.consent_to_contact_at),
    stageChangedAt: row.stage_changed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toInquiryCard(row: CardRow): api.InquiryCard {
  return {
    id: row.id,
    reference: row.reference,
    firstName: row.first_name,
    lastName: row.last_name,
    stage: row.stage,
    source: row.source,
    helpWanted: row.help_wanted,
    coordinatorId: row.coordinator_id,
    assessmentAt: iso(row.assessment_at),
    urgent: row.urgent,
    stageChangedAt: new Date(row.stage_changed_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const staffRef = (id: string | null, names: ReadonlyMap<string, string>) =>
  id ? { id, name: names.get(id) ?? 'Former staff member' } : null;

export function toStageChange(
  row: Selectable<InquiryStageChangeTable>,
  names: ReadonlyMap<string, string>,
): api.InquiryStageChange {
  return {
    id: row.id,
    fromStage: row.from_stage as InquiryStage,
    toStage: row.to_stage as InquiryStage,
    changedBy: staffRef(row.changed_by, names),
    changedAt: row.changed_at.toISOString(),
    reason: row.reason as CloseReason | null,
    reasonText: row.reason_text,
    assessmentAt: iso(row.assessment_at),
  };
}

export function toScreening(row: InquiryScreeningRow, names: ReadonlyMap<string, string>): api.Screening {
  const answers = row.answers as unknown as api.Screening['answers'];
  return {
    id: row.id,
    inquiryId: row.inquiry_id,
    answers,
    outcome: {
      urgent: row.urgent,
      // The codes are what the rule found then; the words are today's wording of each.
      reasons: row.reasons.map((code) => screeningReason(code as ScreeningReasonCode)),
      suggestedLevel: row.suggested_level as SuggestedLevel | null,
    },
    screenedBy: staffRef(row.screened_by, names),
    screenedAt: row.screened_at.toISOString(),
    urgentTaskId: row.urgent_task_id,
  };
}
