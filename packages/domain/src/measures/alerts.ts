import type { ChangeResult } from '../instruments/change.js';
import { getInstrument } from '../instruments/registry.js';
import type { InstrumentCode, ScoreFlag } from '../instruments/types.js';

/** Why a score raises a risk alert: a critical flag, or a new reliable deterioration. */
export interface RiskAlertReason {
  /** The flag's code, or "reliable_deterioration". */
  readonly code: string;
  /** Words for the task title: what happened, no name, no score, no answer wording. */
  readonly phrase: string;
}

const FLAG_PHRASES: Readonly<Record<string, string>> = {
  suicidal_ideation: 'item 9 answered above zero',
  serious_suicidal_thoughts: 'serious thoughts of ending life in the past month',
  suicide_attempt_history: 'past suicide attempt reported',
  suicide_risk_high: 'screen positive, high risk',
  suicide_risk_moderate: 'screen positive, moderate risk',
};

/**
 * The reasons a score needs a person today (DOMAIN.md 1.2: a non-zero PHQ-9 item 9 creates a
 * safety task before the encounter closes). Warnings (provisional MDD, AUDIT escalation) are
 * shown with the score but raise no alert.
 */
export function riskAlertReasons(
  flags: readonly ScoreFlag[],
  deterioration: ChangeResult | null,
): RiskAlertReason[] {
  const reasons: RiskAlertReason[] = flags
    .filter((f) => f.severity === 'critical')
    .map((f) => ({
      code: f.code,
      phrase: FLAG_PHRASES[f.code] ?? `critical answer (${f.code.replaceAll('_', ' ')})`,
    }));
  if (deterioration?.reliableChange === 'reliable_deterioration') {
    reasons.push({ code: 'reliable_deterioration', phrase: 'score reliably worse since baseline' });
  }
  return reasons;
}

const TITLE_MAX = 200;
const SUFFIX = ' — review today';

/**
 * The task title: "PHQ-9 item 9 answered above zero — review today". It says what happened
 * and how soon, and nothing else about the person: dashboards are seen over shoulders.
 */
export function riskAlertTitle(code: InstrumentCode, reasons: readonly RiskAlertReason[]): string {
  const title = `${getInstrument(code).shortTitle} ${reasons.map((r) => r.phrase).join('; ')}`;
  const room = TITLE_MAX - SUFFIX.length;
  return `${title.length > room ? `${title.slice(0, room - 1)}…` : title}${SUFFIX}`;
}
