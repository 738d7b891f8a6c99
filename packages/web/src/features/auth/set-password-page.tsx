import { Anchor, Box, Button, Card, Container, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, request } from '../../app/api-client';
import type { Output } from '../../app/types';
import { formatDateTime } from '../../ui/format';
import { Logo } from '../../ui/logo';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';

type LinkInfo = Output<typeof api.PasswordLinkInfo>;

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <Box bg="gray.0" mih="100dvh" py="xl">
      <Container size={460} px="md">
        <Stack gap="lg">
          <Logo />
          <Card withBorder padding="lg" radius="md">
            {children}
          </Card>
        </Stack>
      </Container>
    </Box>
  );
}

/** A staff member sets a new password from the one-time link an administrator gave them. */
export function SetPasswordPage() {
  const token = useParams().token ?? '';
  const path = `/public/password-link/${encodeURIComponent(token)}`;
  const info = useQuery({
    queryKey: ['public', 'password-link', token],
    queryFn: ({ signal }) => request<LinkInfo>(path, { signal, sessionEndsOn401: false }),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const save = useMutation({
    mutationFn: (newPassword: string) =>
      request<void>(path, { method: 'POST', body: { newPassword }, sessionEndsOn401: false }),
  });
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  if (info.isPending) return <PageLoader label="Opening your link…" />;
  if (info.isError) {
    return (
      <Shell>
        <Title order={1} fz={24} mb="sm">
          This link cannot be used
        </Title>
        <Text>
          {info.error instanceof ApiError && info.error.status !== 0
            ? info.error.problem.detail
            : 'We could not reach Trellis. Check your connection and open the link again.'}
        </Text>
        <Text c="dimmed" mt="sm">
          Ask your administrator for a new link.
        </Text>
      </Shell>
    );
  }
  if (save.isSuccess) {
    return (
      <Shell>
        <Title order={1} fz={24} mb="sm">
          Your new password is set
        </Title>
        <Text mb="md" style={{ overflowWrap: 'anywhere' }}>
          Sign in with {info.data.email} and the password you just chose.
        </Text>
        <Button component={Link} to="/sign-in">
          Go to sign-in
        </Button>
      </Shell>
    );
  }

  const fields = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    save.mutate(password);
  };
  return (
    <Shell>
      <form onSubmit={submit} noValidate aria-label="Set a new password">
        <Stack gap="sm">
          <Title order={1} fz={24}>
            Set a new password
          </Title>
          <Text style={{ overflowWrap: 'anywhere' }}>
            For <strong>{info.data.displayName}</strong> ({info.data.email}). You will be signed out
            everywhere else.
          </Text>
          <PasswordInput
            label="New password"
            description={`At least ${api.PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember.`}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.newPassword}
            required
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            error={mismatch ? 'The two passwords are not the same. Type them again.' : undefined}
            required
          />
          {Object.keys(fields).length === 0 ? (
            <ProblemAlert error={save.error} title="Password not set" />
          ) : null}
          <Button type="submit" loading={save.isPending} disabled={!password || !again}>
            Set password
          </Button>
          <Text size="xs" c="dimmed">
            The link works once, until {formatDateTime(info.data.expiresAt)}.{' '}
            <Anchor component={Link} to="/sign-in" size="xs">
              Back to sign-in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Shell>
  );
}
