import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { lastActivityAt, request } from './api-client';
import { useSession } from './session';

const WARN_BEFORE_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/**
 * The server signs a person out after the organization's idle minutes. A minute before, this
 * asks whether they are still there; once the time is up, it checks with the server, which
 * answers 401 and sends the screen back to sign-in (so no patient information stays on an
 * unattended screen).
 */
export function IdleWarning() {
  const { session, refresh, signOut } = useSession();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const idleMs = (session?.idleTimeoutMinutes ?? 15) * 60_000;

  useEffect(() => {
    const timer = window.setInterval(() => {
      const left = idleMs - (Date.now() - lastActivityAt());
      if (left <= 0) {
        setSecondsLeft(null);
        // The 401 this gets is handled by the session provider.
        request('/auth/me').catch(() => undefined);
      } else if (left <= WARN_BEFORE_MS) {
        setSecondsLeft(Math.ceil(left / 1000));
      } else {
        setSecondsLeft(null);
      }
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [idleMs]);

  const stay = () => {
    setSecondsLeft(null);
    refresh().catch(() => undefined);
  };

  return (
    <Modal opened={secondsLeft !== null} onClose={stay} title="Are you still there?" size="md">
      <Text mb="md">
        For privacy, Trellis will sign you out in about {secondsLeft} seconds because nothing has happened for
        a while.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => void signOut().catch(() => undefined)}>
          Sign out now
        </Button>
        <Button data-autofocus onClick={stay}>
          Stay signed in
        </Button>
      </Group>
    </Modal>
  );
}
