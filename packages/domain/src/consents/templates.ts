import type { ConsentRecipient } from './coverage.js';
import {
  type ConsentKind,
  type DisclosurePurpose,
  EXPIRY_EVENT_LABELS,
  type ExpiryEvent,
  INFORMATION_LABELS,
  type InformationKind,
  PURPOSE_LABELS,
} from './kinds.js';

/**
 * The text a patient reads before signing, per kind, with a version. Written for Trellis (no
 * form is copied). An organization will be able to adopt its own wording later; whatever the
 * wording, the exact rendered text is stored with the consent and covered by its signature.
 * Change a text only by adding a new version: signed consents name the version they showed.
 */
export interface ConsentTemplate {
  kind: ConsentKind;
  version: number;
  title: string;
  /** Paragraphs with {{placeholders}}; a paragraph whose condition is false is left out. */
  paragraphs: readonly { text: string; when?: 'tpo' | 'not_tpo' }[];
}

const TREATMENT: ConsentTemplate = {
  kind: 'treatment',
  version: 1,
  title: 'Consent to treatment in the Intensive Outpatient Program',
  paragraphs: [
    {
      text: 'I, {{patient}}, agree to take part in the Intensive Outpatient Program (IOP) of {{organization}}.',
    },
    {
      text: 'I understand that the program usually meets three to five days a week for several hours a day, and includes group therapy, skills groups, individual and family sessions, questionnaires about how I am doing, and, when my care team asks for them, drug screens. My care team will make a treatment plan with me and review it with me regularly.',
    },
    {
      text: 'Treatment can help, but no result is promised. Talking about difficult experiences can be uncomfortable for a while. I can ask questions about my care, my plan and other options, including other levels of care, at any time.',
    },
    {
      text: 'What I share is kept confidential. The law allows or requires some exceptions: when there is a serious risk that I may harm myself or someone else, when child or elder abuse or neglect is suspected, and when a court orders it. Other disclosures need my written consent.',
    },
    {
      text: 'Group members are asked to keep what they hear in group private, but the program cannot guarantee that every member will.',
    },
    {
      text: 'The program is not an emergency service. In a crisis I will call or text 988 (Suicide & Crisis Lifeline), call 911, or go to the nearest emergency department.',
    },
    {
      text: 'I may stop treatment at any time. I am asked to tell my care team first, so that we can plan what comes next.',
    },
    {
      text: 'This consent stays in effect until I revoke it or my treatment in this program ends{{expirySuffix}}.',
    },
  ],
};

const TELEHEALTH: ConsentTemplate = {
  kind: 'telehealth',
  version: 1,
  title: 'Consent to telehealth sessions',
  paragraphs: [
    {
      text: 'I, {{patient}}, agree that some or all of my sessions with {{organization}} may take place by secure video or telephone instead of in person.',
    },
    {
      text: 'I will join from a private place where others cannot overhear, tell my clinician where I am at the start of each session, and give a phone number where I can be reached if the connection drops. If it cannot be restored, my clinician will call me.',
    },
    {
      text: 'The program does not record sessions, and I agree not to record them either. Other group members will not be told my contact details.',
    },
    {
      text: 'Telehealth has limits: a clinician sees less than in person, and technology can fail. My clinician may ask me to come in person when that is better for my care. I may ask for in-person sessions at any time.',
    },
    {
      text: 'If I am in danger during a session, my clinician may contact emergency services at the location I gave. In a crisis I will call or text 988 or call 911.',
    },
    {
      text: 'This consent stays in effect until I withdraw it{{expirySuffix}}. I may withdraw it at any time; that does not affect my right to other treatment.',
    },
  ],
};

const PART2: ConsentTemplate = {
  kind: 'part2',
  version: 1,
  title: 'Consent to disclose substance use disorder records (42 CFR Part 2)',
  paragraphs: [
    {
      text: 'I, {{patient}}, allow {{organization}} to use and disclose the information described below from my substance use disorder treatment records.',
    },
    { text: 'Information that may be disclosed: {{information}}.' },
    { text: 'It may be disclosed to: {{recipient}}.' },
    { text: 'Purpose: {{purposes}}.' },
    { text: 'This consent expires: {{expiry}}.' },
    {
      text: 'My records are protected by the federal confidentiality rule for substance use disorder records, 42 CFR Part 2. Whatever this consent allows, my records may not be used or disclosed in a civil, criminal, administrative or legislative proceeding against me without my specific written consent or a court order.',
    },
    {
      when: 'tpo',
      text: 'Because this consent covers treatment, payment and health care operations, a recipient that is a HIPAA covered entity or business associate may disclose my records again as the HIPAA Privacy Rule permits, except for use in proceedings against me. Once disclosed, my information may no longer be protected by 42 CFR Part 2.',
    },
    {
      when: 'not_tpo',
      text: 'The recipient will be told that these records are protected by 42 CFR Part 2 and may not be disclosed again except as that rule permits.',
    },
    {
      text: 'I may revoke this consent at any time by telling {{organization}} in writing, except where the program or others have already acted on it.',
    },
    {
      text: 'Signing is my choice. {{organization}} will not refuse me treatment because I do not sign. If I do not sign, the program may be unable to share information that my other providers or my health plan need, which may affect coordination of my care or payment for it.',
    },
    { text: 'I may have a copy of this consent.' },
  ],
};

const RELEASE: ConsentTemplate = {
  kind: 'release_of_information',
  version: 1,
  title: 'Authorization to release health information',
  paragraphs: [
    { text: 'I, {{patient}}, authorize {{organization}} to release the following information about me.' },
    { text: 'Information to be released: {{information}}.' },
    { text: 'To: {{recipient}}.' },
    { text: 'Purpose: {{purposes}}.' },
    { text: 'This authorization expires: {{expiry}}.' },
    {
      text: 'This authorization does not cover records of substance use disorder treatment protected by 42 CFR Part 2; those need a separate consent.',
    },
    {
      text: 'I may revoke this authorization at any time by writing to {{organization}}, except where information was already released on the strength of it.',
    },
    {
      text: 'My treatment, payment, enrollment and eligibility for benefits do not depend on whether I sign. Information released under this authorization may be disclosed again by the recipient and may then no longer be protected by federal privacy rules.',
    },
    { text: 'I may have a copy of this authorization.' },
  ],
};

export const CONSENT_TEMPLATES: Record<ConsentKind, ConsentTemplate> = {
  treatment: TREATMENT,
  telehealth: TELEHEALTH,
  part2: PART2,
  release_of_information: RELEASE,
};

export interface ConsentTextValues {
  patientName: string;
  organizationName: string;
  recipient: ConsentRecipient | null;
  purposes: readonly DisclosurePurpose[];
  informationKinds: readonly InformationKind[];
  informationDescription: string | null;
  expiresOn: string | null;
  expiryEvent: ExpiryEvent | null;
}

/** 2027-06-30 → "June 30, 2027" (a calendar date: no time zone shift). */
export function longDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', dateStyle: 'long' });
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function expiryInWords(values: Pick<ConsentTextValues, 'expiresOn' | 'expiryEvent'>): string {
  const parts = [
    values.expiresOn ? `on ${longDate(values.expiresOn)}` : null,
    values.expiryEvent ? EXPIRY_EVENT_LABELS[values.expiryEvent] : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return 'when I revoke it';
  return parts.length === 2 ? `${parts.join(', or ')}, whichever comes first` : parts[0]!;
}

export interface RenderedConsent {
  templateVersion: number;
  title: string;
  paragraphs: string[];
  /** Title and paragraphs as one text: exactly what the signature covers. */
  text: string;
}

export function renderConsentText(kind: ConsentKind, values: ConsentTextValues): RenderedConsent {
  const template = CONSENT_TEMPLATES[kind];
  const tpo = values.recipient?.kind === 'tpo_designation';
  const information = [
    listInWords(values.informationKinds.map((k) => INFORMATION_LABELS[k])),
    values.informationDescription,
  ]
    .filter(Boolean)
    .join('; ');
  const substitutions: Record<string, string> = {
    patient: values.patientName,
    organization: values.organizationName,
    recipient:
      values.recipient?.kind === 'named' ? values.recipient.name : (values.recipient?.description ?? ''),
    purposes: listInWords(values.purposes.map((p) => PURPOSE_LABELS[p])),
    information,
    expiry: expiryInWords(values),
    expirySuffix: values.expiresOn ? `, and no later than ${longDate(values.expiresOn)}` : '',
  };
  const paragraphs = template.paragraphs
    .filter((p) => p.when === undefined || (p.when === 'tpo') === tpo)
    .map((p) => p.text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => substitutions[key] ?? ''));
  return {
    templateVersion: template.version,
    title: template.title,
    paragraphs,
    text: [template.title, ...paragraphs].join('\n\n'),
  };
}
