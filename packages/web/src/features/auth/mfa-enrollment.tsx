import { Anchor, Button, Code, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { MfaEnrollment as Enrollment } from '../../app/session';
import { useSession } from '../../app/session';
import type { SessionState } from '../../app/types';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { CodeInput } from './code-input';
import { QrCode } from './qr-code';

interface MfaEnrollmentProps {
  /** The label of the final button: "Confirm and sign in", "Turn on two-step sign-in". */
  confirmLabel: string;
  /** Full width on the narrow sign-in card; its own size inside a page. */
  fullWidth?: boolean;
  onConfirmed(state: SessionState): void;
}

/** Groups of four, so the key is easier to read and type: "JBSW Y3DP EHPK 3PXP". */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Setting up an authenticator app: a fresh secret from the server, as a QR code and as text,
 * then one code from the app to prove it works.
 */
export function MfaEnrollment({ confirmLabel, onConfirmed, fullWidth = false }: MfaEnrollmentProps) {
  const { startEnrollment, submitCode } = useSession();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [codeHint, setCodeHint] = useState<string | undefined>();
  const started = useRef(false);

  const start = () => {
    setStartError(null);
    startEnrollment().then(setEnrollment, setStartError);
  };

  useEffect(() => {
    // Once per screen: each start makes a new secret and the previous one stops counting.
    if (started.current) return;
    started.current = true;
    start();
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (code.length !== 6) {
      setError(null);
      setCodeHint('Enter all 6 digits.');
      return;
    }
    setBusy(true);
    setError(null);
    setCodeHint(undefined);
    try {
      onConfirmed(await submitCode(code));
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (startError) {
    return (
      <Stack gap="sm">
        <ProblemAlert error={startError} />
        <Button variant="default" onClick={start}>
          Try again
        </Button>
      </Stack>
    );
  }
  if (!enrollment) return <Text c="dimmed">Preparing your setup key…</Text>;

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="md">
        <List type="ordered" spacing="md" styles={{ itemWrapper: { display: 'block' } }}>
          <List.Item>
            <Text fw={600}>Open an authenticator app on your phone.</Text>
            <Text size="sm" c="dimmed">
              For example Google Authenticator, Microsoft Authenticator, or your password manager.
            </Text>
          </List.Item>
          <List.Item>
            <Text fw={600}>Add an account by scanning this code.</Text>
            <Group mt="xs" align="flex-start" gap="lg">
              <QrCode
                value={enrollment.otpauthUri}
                label="QR code for your authenticator app. If you cannot scan it, type the setup key shown next to it."
                size={176}
              />
              <Stack gap={6} maw="16rem">
                <Text size="sm">Cannot scan? Choose “enter a setup key” in the app and type this key:</Text>
                <Code
                  block
                  fz="md"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', letterSpacing: '0.05em' }}
                  data-testid="mfa-secret"
                >
                  {grouped(enrollment.secret)}
                </Code>
                <CopyButton value={enrollment.secret}>
                  {({ copied, copy }) => (
                    <Anchor component="button" type="button" size="sm" onClick={copy} ta="left">
                      {copied ? 'Key copied' : 'Copy the key'}
                    </Anchor>
                  )}
                </CopyButton>
              </Stack>
            </Group>
          </List.Item>
          <List.Item>
            <Text fw={600} mb="xs">
              Enter the 6-digit code the app now shows for Trellis.
            </Text>
            <CodeInput value={code} onChange={setCode} error={codeHint ?? fieldError(error, 'code')} />
          </List.Item>
        </List>
        <ProblemAlert error={error} shownFields={['code']} title="The code did not work" />
        <Button
          type="submit"
          loading={busy}
          fullWidth={fullWidth}
          style={fullWidth ? undefined : { alignSelf: 'flex-start' }}
        >
          {confirmLabel}
        </Button>
      </Stack>
    </form>
  );
}
