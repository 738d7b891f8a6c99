import { DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { findOccurrenceRecord, findSeries, insertOccurrenceRecord } from './repo.js';
import { loadDirectory, loadTimeline, type RosteredOccurrence } from './schedule-data.js';

export interface OccurrenceRecord {
  /** A uuid other modules can reference (attendance rows, group notes). */
  id: string;
  key: string;
  seriesId: string;
  originalDate: string;
}

/** Splits `${seriesId}/${originalDate}`; null when it is not shaped like a key. */
export function parseOccurrenceKey(key: string): { seriesId: string; date: string } | null {
  const match = /^([0-9a-f-]{36})\/(\d{4}-\d{2}-\d{2})$/i.exec(key);
  return match ? { seriesId: match[1] as string, date: match[2] as string } : null;
}

/**
 * One occurrence as the calendar shows it (moved, cancelled, substituted), with its roster; 404
 * when the series has no session on that date. Not audited: it names no one.
 */
export async function findOccurrence(
  db: Kysely<DB>,
  organizationId: string,
  key: string,
): Promise<RosteredOccurrence> {
  const parsed = parseOccurrenceKey(key);
  const row = parsed ? await findSeries(db, organizationId, parsed.seriesId) : undefined;
  if (!parsed || !row) throw DomainError.notFound('group session');
  const directory = await loadDirectory(db, organizationId);
  const date = Temporal.PlainDate.from(parsed.date);
  // A moved session may sit up to a few weeks away; a wide window finds it.
  const timeline = await loadTimeline(
    db,
    organizationId,
    directory,
    { from: date.subtract({ days: 62 }).toString(), to: date.add({ days: 62 }).toString() },
    { seriesRows: [row] },
  );
  const found = timeline.occurrences.find((o) => o.occurrence.key === key);
  if (!found) throw DomainError.notFound('group session');
  return found;
}

/**
 * Makes an occurrence concrete, once: attendance and notes call this before writing, and keep
 * the returned id. Afterwards the session cannot move to another series by a "this and
 * following" change (that change starts after it instead).
 */
export async function recordOccurrence(
  db: Kysely<DB>,
  organizationId: string,
  key: string,
  now: Date,
): Promise<OccurrenceRecord> {
  const existing = await findOccurrenceRecord(db, organizationId, key);
  if (!existing) {
    const occurrence = await findOccurrence(db, organizationId, key);
    await insertOccurrenceRecord(db, {
      id: newId(),
      organization_id: organizationId,
      series_id: occurrence.occurrence.seriesId,
      original_date: occurrence.occurrence.originalDate,
      occurrence_key: key,
      created_at: now,
      updated_at: now,
    });
  }
  const row = await findOccurrenceRecord(db, organizationId, key);
  if (!row) throw new Error('the occurrence record was not written');
  return { id: row.id, key: row.occurrence_key, seriesId: row.series_id, originalDate: row.original_date };
}
