import { z } from 'zod';
import { StaffRole } from './auth.js';
import { Id, Instant } from './common.js';

export const Organization = z.object({
  id: Id,
  name: z.string(),
  mfaRequiredRoles: z.array(StaffRole),
  sessionIdleMinutes: z.number().int(),
  sessionAbsoluteHours: z.number().int(),
  version: z.number().int(),
  updatedAt: Instant,
});
export type Organization = z.infer<typeof Organization>;

export const UpdateOrganizationRequest = z.strictObject({
  name: z.string().trim().min(2, { error: 'Enter the organization name.' }).max(200).optional(),
  mfaRequiredRoles: z.array(StaffRole).max(6).optional(),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(5, { error: 'Use 5 minutes or more.' })
    .max(60, { error: 'Use 60 minutes or less: HIPAA expects an automatic logoff.' })
    .optional(),
  sessionAbsoluteHours: z.number().int().min(1).max(24).optional(),
});

export const Location = z.object({
  id: Id,
  name: z.string(),
  timeZone: z.string(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Location = z.infer<typeof Location>;

/** A time zone the runtime knows, by its IANA name (America/Chicago). */
export const TimeZone = z
  .string()
  .trim()
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return zone.includes('/') || zone === 'UTC';
      } catch {
        return false;
      }
    },
    { error: 'Choose a time zone by its IANA name, such as America/New_York.' },
  );

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const LocationInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the location name.' }).max(120),
  timeZone: TimeZone,
  addressLine: optionalText(200),
  city: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  phone: optionalText(40),
  active: z.boolean().optional(),
});

export const Room = z.object({
  id: Id,
  locationId: Id,
  name: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});

export const RoomInput = z.strictObject({
  locationId: Id,
  name: z.string().trim().min(1, { error: 'Enter the room name.' }).max(80),
  capacity: z.number().int().min(1, { error: 'A room holds at least one person.' }).max(500),
  active: z.boolean().optional(),
});
