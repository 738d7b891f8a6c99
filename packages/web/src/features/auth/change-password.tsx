import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { api } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { ApiError, request } from '../../app/api-client';
import { ProblemAlert } from '../../ui/problem-alert';

function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      request<void>('/auth/password', { method: 'POST', body }),
  });
}

/** Change my password: the current one, the new one twice. Other browsers are signed out. */
export function ChangePassword() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const fields = change.error instanceof ApiError ? change.error.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setAgain('');
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message:
              'Use the new password from now on. Other browsers where you were signed in are signed out.',
          });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Change password">
      <Stack gap="sm" maw="26rem">
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={fields.currentPassword}
          required
        />
        <PasswordInput
          label="New password"
          description={`At least ${api.PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember.`}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={fields.newPassword}
          required
        />
        <PasswordInput
          label="New password again"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.currentTarget.value)}
          error={mismatch ? 'The two new passwords are not the same. Type them again.' : undefined}
          required
        />
        {/* A problem with a field is said under that field; anything else (the server unreachable) here. */}
        {Object.keys(fields).length === 0 ? (
          <ProblemAlert error={change.error} title="Password not changed" />
        ) : null}
        <Group>
          <Button type="submit" loading={change.isPending} disabled={!current || !next || !again}>
            Change password
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Forgot it? An administrator can give you a link to set a new one.
        </Text>
      </Stack>
    </form>
  );
}
