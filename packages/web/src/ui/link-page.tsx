import { Box, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../app/api-client';
import { Logo } from './logo';

/**
 * The frame of a page opened from a one-time link by someone without an account (a self-report,
 * a plan to sign): the logo, the program's name, and the content, made for a phone.
 */
export function LinkPageShell({ programName, children }: { programName?: string; children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100dvh">
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} py="sm">
        <Container size="sm">
          <Group justify="space-between">
            <Logo />
            {programName ? (
              <Text size="sm" c="dimmed" ta="right">
                {programName}
              </Text>
            ) : null}
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="lg" px="md">
        {children}
      </Container>
    </Box>
  );
}

/** A link that cannot be used (used, expired, withdrawn, unreachable), in the server's words. */
export function LinkProblem({ error }: { error: unknown }) {
  const detail =
    error instanceof ApiError && error.status !== 0
      ? error.problem.detail
      : 'We could not reach the server. Check your connection and open the link again.';
  return (
    <LinkPageShell>
      <Stack>
        <Title order={1} fz={26}>
          This link cannot be opened
        </Title>
        <Text size="lg">{detail}</Text>
        <Text c="dimmed">Your care team can send you a new link at any time.</Text>
      </Stack>
    </LinkPageShell>
  );
}
