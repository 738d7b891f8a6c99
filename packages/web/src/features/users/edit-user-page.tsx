import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLE_LABELS } from '@trellis/domain';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { StaffRole, StaffUser } from '../../app/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { changedFields, hasChanges } from '../../ui/edit-helpers';
import { formatDateTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type ComparedField, StaleChanges } from '../../ui/stale-changes';
import { PasswordLinkButton } from './password-link';
import { RoleCheckboxes } from './role-checkboxes';
import { isLocked, MfaBadge, StatusBadge } from './user-status';
import { type UpdateUserBody, useResetMfa, useStaffUser, useUnlockUser, useUpdateUser } from './users-api';

interface DetailsValues {
  displayName: string;
  credentials: string | null;
  roles: StaffRole[];
}

const COMPARED: ComparedField[] = [
  { key: 'displayName', label: 'Name' },
  { key: 'credentials', label: 'Credentials' },
  {
    key: 'roles',
    label: 'Roles',
    format: (v) => (v as StaffRole[]).map((r) => ROLE_LABELS[r]).join(', ') || '(none)',
  },
  { key: 'active', label: 'Active', format: (v) => (v ? 'Active' : 'Inactive') },
  { key: 'mfaEnabled', label: 'Two-step sign-in', format: (v) => (v ? 'On' : 'Not set up') },
];

const detailsOf = (user: StaffUser): DetailsValues => ({
  displayName: user.displayName,
  credentials: user.credentials,
  roles: user.roles,
});

export function EditUserPage() {
  const me = useUser();
  const { id = '' } = useParams();
  if (!userCan(me, 'user.manage')) return <NotAllowed title="User" />;
  return <EditUser id={id} isMe={id === me.id} />;
}

function EditUser({ id, isMe }: { id: string; isMe: boolean }) {
  const query = useStaffUser(id);
  if (query.isPending) return <PageLoader label="Loading the account…" />;
  if (query.error || !query.data) {
    return (
      <>
        <PageHeader title="User" />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const user = query.data;
  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/users">
          Users
        </Anchor>
        <Text>{user.displayName}</Text>
      </Breadcrumbs>
      <PageHeader
        title={user.displayName}
        description={
          <>
            {user.email}
            {isMe ? ' · This is your own account.' : ''}
          </>
        }
      />
      <Stack gap="lg" maw="52rem">
        {/* Keyed by id: another user's page starts a fresh form. */}
        <DetailsForm key={user.id} user={user} />
        <SignInCard user={user} isMe={isMe} />
      </Stack>
    </>
  );
}

function DetailsForm({ user }: { user: StaffUser }) {
  const update = useUpdateUser();
  // The record this form started from: the version sent as If-Match, and the "before" of a conflict.
  const [base, setBase] = useState(user);
  const [values, setValues] = useState<DetailsValues>(() => detailsOf(user));
  const [saved, setSaved] = useState(false);
  const stale = update.error instanceof ApiError && update.error.isStale ? update.error : null;
  const current = stale ? (stale.problem.current as StaffUser) : null;

  // The account changed elsewhere on this page (deactivated, two-step reset) or was reloaded.
  // When the fields of this form are as they were, carry on from the new version silently.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the record's version only
  useEffect(() => {
    if (user.version === base.version || stale) return;
    if (!hasChanges(detailsOf(base), detailsOf(user))) setBase(user);
  }, [user.version]);

  const set = <K extends keyof DetailsValues>(key: K, value: DetailsValues[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const normalized = (): DetailsValues => ({
    displayName: values.displayName.trim(),
    credentials: values.credentials?.trim() || null,
    roles: values.roles,
  });

  const save = (from: StaffUser) => {
    const body: UpdateUserBody = changedFields(detailsOf(base), normalized());
    update.mutate(
      { id: from.id, version: from.version, body },
      {
        onSuccess: (next) => {
          setBase(next);
          setValues(detailsOf(next));
          setSaved(true);
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(base);
  };

  const takeCurrent = (record: StaffUser) => {
    setBase(record);
    setValues(detailsOf(record));
    update.reset();
  };

  const dirty = hasChanges(detailsOf(base), normalized());

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="details-title">
      <Title order={2} id="details-title" mb="md">
        Details
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {stale && current ? (
            <StaleChanges
              what="account"
              fields={COMPARED}
              base={base}
              current={current}
              mine={changedFields(detailsOf(base), normalized())}
              busy={update.isPending}
              onReapply={() => save(current)}
              onUseCurrent={() => takeCurrent(current)}
            />
          ) : (
            <ProblemAlert
              error={update.error}
              shownFields={['displayName', 'credentials', 'roles']}
              title="Your changes were not saved"
            />
          )}
          {saved && !dirty ? (
            <Text c="green.8" role="status" fw={500}>
              Changes saved.
            </Text>
          ) : null}
          <Group grow align="flex-start" wrap="wrap" gap="md">
            <TextInput
              label="Name"
              withAsterisk
              value={values.displayName}
              onChange={(event) => set('displayName', event.currentTarget.value)}
              error={fieldError(update.error, 'displayName')}
              miw="14rem"
            />
            <TextInput
              label="Credentials (optional)"
              placeholder="e.g. LCSW, LPC, MD"
              value={values.credentials ?? ''}
              onChange={(event) => set('credentials', event.currentTarget.value)}
              error={fieldError(update.error, 'credentials')}
              miw="14rem"
            />
          </Group>
          <RoleCheckboxes
            value={values.roles}
            onChange={(roles) => set('roles', roles)}
            error={fieldError(update.error, 'roles')}
          />
          <Group gap="sm">
            <Button type="submit" loading={update.isPending && !stale} disabled={!dirty || stale !== null}>
              Save changes
            </Button>
            {dirty && !stale ? (
              <Button variant="default" onClick={() => takeCurrent(base)}>
                Undo my changes
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="div" fw={500}>
        {children}
      </Text>
    </div>
  );
}

type Pending = 'deactivate' | 'reactivate' | 'reset-mfa' | null;

function SignInCard({ user, isMe }: { user: StaffUser; isMe: boolean }) {
  const update = useUpdateUser();
  const resetMfa = useResetMfa();
  const unlock = useUnlockUser();
  const [pending, setPending] = useState<Pending>(null);
  const busy = update.isPending || resetMfa.isPending;
  const error = pending === 'reset-mfa' ? resetMfa.error : update.error;

  const open = (what: Pending) => {
    update.reset();
    resetMfa.reset();
    setPending(what);
  };
  const done = (message: string) => {
    setPending(null);
    notifications.show({ color: 'green', title: 'Saved', message });
  };

  const confirm = () => {
    // The page always holds the newest version it knows (a 409 updates it with `current`).
    if (pending === 'reset-mfa') {
      resetMfa.mutate(
        { id: user.id, version: user.version },
        {
          onSuccess: (u) =>
            done(`${u.displayName} will set up two-step sign-in again at their next sign-in.`),
        },
      );
    } else if (pending) {
      const active = pending === 'reactivate';
      update.mutate(
        { id: user.id, version: user.version, body: { active } },
        {
          onSuccess: (u) =>
            done(active ? `${u.displayName} can sign in again.` : `${u.displayName} can no longer sign in.`),
        },
      );
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sign-in-title">
      <Title order={2} id="sign-in-title" mb="md">
        Sign-in
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="md" mb="lg">
        <Fact label="Status">
          <StatusBadge user={user} />
        </Fact>
        <Fact label="Two-step sign-in">
          <MfaBadge enabled={user.mfaEnabled} />
        </Fact>
        <Fact label="Last sign-in">{formatDateTime(user.lastLoginAt)}</Fact>
        <Fact label="Account created">{formatDateTime(user.createdAt)}</Fact>
      </SimpleGrid>
      {isLocked(user) ? (
        <Stack gap="xs" mb="md" align="flex-start">
          <Text>
            Locked after too many wrong attempts until {formatDateTime(user.lockedUntil)}. It unlocks by
            itself then; unlock it now if you know it is really them trying.
          </Text>
          <Button
            variant="default"
            loading={unlock.isPending}
            onClick={() =>
              unlock.mutate(
                { id: user.id, version: user.version },
                { onSuccess: (u) => done(`${u.displayName} can sign in again now.`) },
              )
            }
          >
            Unlock now
          </Button>
          <ProblemAlert error={unlock.error} title="Not unlocked" />
        </Stack>
      ) : null}
      <Group gap="sm">
        {isMe ? null : <PasswordLinkButton user={user} />}
        {user.mfaEnabled ? (
          <Button variant="default" onClick={() => open('reset-mfa')}>
            Reset two-step sign-in
          </Button>
        ) : null}
        {user.active ? (
          <Button variant="outline" color="red" onClick={() => open('deactivate')} disabled={isMe}>
            Deactivate account
          </Button>
        ) : (
          <Button variant="outline" onClick={() => open('reactivate')}>
            Reactivate account
          </Button>
        )}
      </Group>
      {isMe && user.active ? (
        <Text size="sm" c="dimmed" mt="xs">
          You cannot deactivate your own account; another administrator can.
        </Text>
      ) : null}

      <ConfirmDialog
        opened={pending === 'reset-mfa'}
        title="Reset two-step sign-in?"
        confirmLabel="Reset two-step sign-in"
        color="red"
        busy={busy}
        error={error}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {user.displayName}'s authenticator app will stop working for Trellis. At their next sign-in they set
        up a new one
        {isMe ? '' : ', so make sure you know it is really them asking (for example, they lost their phone)'}.
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending === 'deactivate'}
        title={`Deactivate ${user.displayName}?`}
        confirmLabel="Deactivate account"
        color="red"
        busy={busy}
        error={error}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        They are signed out everywhere and can no longer sign in. Their name stays on everything they wrote or
        signed. You can reactivate the account later.
      </ConfirmDialog>
      <ConfirmDialog
        opened={pending === 'reactivate'}
        title={`Reactivate ${user.displayName}?`}
        confirmLabel="Reactivate account"
        busy={busy}
        error={error}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        They can sign in again with their existing password and roles.
      </ConfirmDialog>
    </Card>
  );
}
