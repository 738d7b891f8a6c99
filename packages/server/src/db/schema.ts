import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AssessmentsTables } from '../modules/assessments/tables.js';
import type { ConsentsTables } from '../modules/consents/tables.js';
import type { CoverageTables } from '../modules/coverage/tables.js';
import type { EpisodeTables } from '../modules/episodes/tables.js';
import type { IntakeTables } from '../modules/intake/tables.js';
import type { JobTables } from '../modules/jobs/tables.js';
import type { LinksTables } from '../modules/links/tables.js';
import type { MeasuresTables } from '../modules/measures/tables.js';
import type { NotificationTables } from '../modules/notifications/tables.js';
import type { PatientTables } from '../modules/patients/tables.js';
import type { PlansTables } from '../modules/plans/tables.js';
import type { ProgramTables } from '../modules/programs/tables.js';
import type { SchedulingTables } from '../modules/scheduling/tables.js';
import type { SignaturesTables } from '../modules/signatures/tables.js';
import type { TasksTables } from '../modules/tasks/tables.js';

/** Timestamps come back as Date and go in as Date or ISO strings. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Version = ColumnType<number, number | undefined, number>;
/** jsonb: read as the value, written as a JSON string. */
export type Json<T> = ColumnType<T, string, string>;

/** organization_id, created_at, updated_at, version: every editable tenant table has them. */
export interface TenantColumns {
  organization_id: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: Version;
}

export interface OrganizationTable {
  id: string;
  name: string;
  mfa_required_roles: string[];
  session_idle_minutes: ColumnType<number, number | undefined, number>;
  session_absolute_hours: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  version: Version;
}

export interface LocationTable extends TenantColumns {
  id: string;
  name: string;
  time_zone: string;
  address_line: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  phone: string | null;
  active: Generated<boolean>;
}

export interface RoomTable extends TenantColumns {
  id: string;
  location_id: string;
  name: string;
  capacity: number;
  active: Generated<boolean>;
}

export interface AppUserTable extends TenantColumns {
  id: string;
  email: string;
  display_name: string;
  roles: string[];
  credentials: string | null;
  password_hash: string;
  mfa_secret: string | null;
  mfa_enabled_at: Timestamp | null;
  /** The RFC 6238 time step of the last code accepted: no code of that step or before works again. */
  mfa_last_time_step: number | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  active: Generated<boolean>;
}

/** A view over app_user (migration 0015): what sign-in and the session check read of an account. */
export interface SignInAccountView {
  id: string;
  organization_id: string;
  email: string;
  display_name: string;
  roles: string[];
  active: boolean;
  password_hash: string;
  mfa_secret: string | null;
  failed_login_count: number;
  locked_until: Date | null;
  mfa_last_time_step: number | null;
}

export interface UserSessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  organization_id: string;
  user_id: string;
  state: 'active' | 'mfa_required' | 'mfa_enrollment_required';
  csrf_token: string;
  pending_mfa_secret: string | null;
  idle_minutes: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  chain_key: string;
  organization_id: string | null;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  resource_type: string | null;
  resource_id: string | null;
  patient_id: string | null;
  ip: string | null;
  request_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

/**
 * The whole schema as Kysely sees it. Foundation tables are declared here; each later module
 * declares its tables in modules/<module>/tables.ts and is added to the extends list.
 */
export interface DB
  extends FoundationTables,
    PatientTables,
    ProgramTables,
    EpisodeTables,
    IntakeTables,
    CoverageTables,
    TasksTables,
    SignaturesTables,
    LinksTables,
    ConsentsTables,
    SchedulingTables,
    NotificationTables,
    JobTables,
    MeasuresTables,
    AssessmentsTables,
    PlansTables {}

interface FoundationTables {
  organization: OrganizationTable;
  location: LocationTable;
  room: RoomTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  sign_in_account: SignInAccountView;
  audit_event: AuditEventTable;
}

export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
