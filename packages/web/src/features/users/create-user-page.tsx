import { Anchor, Button, Card, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { api } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { StaffRole } from '../../app/types';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { RoleCheckboxes } from './role-checkboxes';
import { useCreateUser } from './users-api';

const FIELDS = ['email', 'displayName', 'credentials', 'roles', 'password'] as const;

/** 16 characters from letters and digits that are hard to confuse when read aloud or copied. */
function suggestPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.replace(/(.{4})(?!$)/g, '$1-');
}

export function CreateUserPage() {
  const me = useUser();
  if (!userCan(me, 'user.manage')) return <NotAllowed title="Add a user" />;
  return <CreateUserForm />;
}

function CreateUserForm() {
  const navigate = useNavigate();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [credentials, setCredentials] = useState('');
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [password, setPassword] = useState('');
  const [passwordVisible, setPasswordVisible] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  // A message stays until its field is edited; then the person sees what is still left to fix.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const errorOf = (field: (typeof FIELDS)[number]) =>
    edited.has(field) ? undefined : (localErrors[field] ?? fieldError(create.error, field));
  const touch = (field: (typeof FIELDS)[number]) =>
    setEdited((set) => (set.has(field) ? set : new Set(set).add(field)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email: email.trim(),
      displayName: displayName.trim(),
      roles,
      credentials: credentials.trim() || null,
      password,
    };
    // The same rules the server applies, so most mistakes show before anything is sent.
    const checked = api.CreateUserRequest.safeParse(body);
    if (!checked.success) {
      const errors: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? 'body');
        errors[field] ??= issue.message;
      }
      setLocalErrors(errors);
      setEdited(new Set());
      return;
    }
    setLocalErrors({});
    setEdited(new Set());
    create.mutate(body, {
      onSuccess: (user) => {
        notifications.show({
          color: 'green',
          title: 'User added',
          message: `${user.displayName} can now sign in with the password you set.`,
        });
        void navigate('/users');
      },
    });
  };

  return (
    <>
      <PageHeader
        title="Add a user"
        description="Create a staff account. The person signs in with this email and the password you give them."
      />
      <Card withBorder padding="lg" maw="48rem">
        <form onSubmit={onSubmit} noValidate aria-label="New user">
          <Stack gap="lg">
            <ProblemAlert error={create.error} shownFields={FIELDS} title="The user was not added" />
            <TextInput
              label="Work email"
              type="email"
              autoComplete="off"
              spellCheck={false}
              withAsterisk
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                touch('email');
              }}
              error={errorOf('email')}
            />
            <Group grow align="flex-start" wrap="wrap" gap="md">
              <TextInput
                label="Name"
                description="As colleagues know this person, e.g. Sam Lee"
                withAsterisk
                autoComplete="off"
                value={displayName}
                onChange={(event) => {
                  setDisplayName(event.currentTarget.value);
                  touch('displayName');
                }}
                error={errorOf('displayName')}
                miw="14rem"
              />
              <TextInput
                label="Credentials (optional)"
                description="Shown after the name, e.g. LCSW, LPC, MD"
                autoComplete="off"
                value={credentials}
                onChange={(event) => {
                  setCredentials(event.currentTarget.value);
                  touch('credentials');
                }}
                error={errorOf('credentials')}
                miw="14rem"
              />
            </Group>
            <RoleCheckboxes
              value={roles}
              onChange={(next) => {
                setRoles(next);
                touch('roles');
              }}
              error={errorOf('roles')}
            />
            <Stack gap={6}>
              <PasswordInput
                label="First password"
                description={`At least ${api.PASSWORD_MIN_LENGTH} characters. Give it to the person privately, not by email.`}
                withAsterisk
                autoComplete="new-password"
                value={password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  touch('password');
                }}
                visible={passwordVisible}
                onVisibilityChange={setPasswordVisible}
                visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
                error={errorOf('password')}
              />
              <Anchor
                component="button"
                type="button"
                size="sm"
                ta="left"
                onClick={() => {
                  setPassword(suggestPassword());
                  setPasswordVisible(true);
                  touch('password');
                }}
              >
                Suggest a strong password
              </Anchor>
            </Stack>
            <Group gap="sm">
              <Button type="submit" loading={create.isPending}>
                Add user
              </Button>
              <Button variant="default" component={Link} to="/users">
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
