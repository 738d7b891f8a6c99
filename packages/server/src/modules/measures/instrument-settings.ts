import {
  type api,
  type ChangeSettings,
  checkInstrumentSettings,
  DomainError,
  INSTRUMENT_CODES,
  type InstrumentCode,
  type ScoreSettings,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import {
  findInstrumentSetting,
  insertInstrumentSetting,
  listInstrumentSettingRows,
  updateInstrumentSettingAtVersion,
} from './repo.js';
import type { InstrumentSettingRow } from './tables.js';

/** The organization's settings for one instrument, as scoring and change classification take them. */
export interface OrganizationInstrumentSettings {
  score: ScoreSettings;
  change: ChangeSettings;
}

function toApi(instrument: InstrumentCode, row: InstrumentSettingRow | undefined): api.InstrumentSettings {
  return {
    instrument,
    scoreSettings: row?.score_settings ?? {},
    reliableChange: row?.reliable_change ?? null,
    version: row?.version ?? 0,
  };
}

export async function settingsFor(
  db: Kysely<DB>,
  organizationId: string,
  instrument: InstrumentCode,
): Promise<OrganizationInstrumentSettings> {
  const row = await findInstrumentSetting(db, organizationId, instrument);
  return {
    score: row?.score_settings ?? {},
    change: row?.reliable_change ? { reliableChange: row.reliable_change } : {},
  };
}

/** Every instrument with the organization's settings (defaults: version 0, nothing set). */
export async function listInstrumentSettings(db: Kysely<DB>, organizationId: string) {
  const rows = await listInstrumentSettingRows(db, organizationId);
  return INSTRUMENT_CODES.map((code) =>
    toApi(
      code,
      rows.find((r) => r.instrument_code === code),
    ),
  );
}

/**
 * A director sets where published sources disagree (AUDIT band set, PCL-5 cut-point, the
 * reliable-change criterion). New scores record the settings they were made with; scores
 * already stored keep theirs.
 */
export async function saveInstrumentSettings(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: StaffActor },
  instrument: InstrumentCode,
  expectedVersion: number,
  input: z.output<typeof api.SaveInstrumentSettingsRequest>,
): Promise<api.InstrumentSettings> {
  const orgId = ctx.actor.organizationId;
  checkInstrumentSettings(instrument, input.scoreSettings, input.reliableChange);
  const current = await findInstrumentSetting(db, orgId, instrument);
  const values = { score_settings: input.scoreSettings, reliable_change: input.reliableChange };
  const row =
    expectedVersion === 0 && !current
      ? await insertInstrumentSetting(db, {
          id: newId(),
          organization_id: orgId,
          instrument_code: instrument,
          ...values,
          now: ctx.now,
        })
      : await updateInstrumentSettingAtVersion(db, orgId, instrument, expectedVersion, values, ctx.now);
  if (!row) {
    throw DomainError.stale(
      'instrument setting',
      toApi(instrument, await findInstrumentSetting(db, orgId, instrument)),
    );
  }
  await recordAuditEvent(db, ctx, {
    action: 'measure.settings.update',
    resourceType: 'instrument_setting',
    resourceId: row.id,
    details: {
      instrument,
      keys: Object.keys(input.scoreSettings),
      reliableChange: input.reliableChange !== null,
    },
  });
  return toApi(instrument, row);
}
