import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import type { SessionState } from '../../app/types';
import { Logo } from '../../ui/logo';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { CodeInput } from './code-input';

// Only the first sign-in of someone who must set up two-step sign-in needs the QR code.
const MfaEnrollment = lazy(async () => ({ default: (await import('./mfa-enrollment')).MfaEnrollment }));

/** Only a path inside this app: never an address elsewhere (open redirect). */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/sign-in')) return '/';
  return value;
}

export function SignInPage() {
  const { loading, session, endedNotice } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = 'Sign in · Trellis';
  }, []);

  const finish = (state: SessionState) => {
    if (state.status !== 'signed_in') return;
    // Back to the page the session ended on, unless someone else is signing in at this screen.
    const someoneElse = endedNotice?.userId && state.user?.id !== endedNotice.userId;
    void navigate(someoneElse ? '/' : next, { replace: true });
  };

  if (loading) return <PageLoader label="Opening Trellis…" />;
  if (session?.status === 'signed_in') return <Navigate to={next} replace />;

  if (session?.status === 'mfa_required') {
    return (
      <SignInFrame>
        <CodeStep onDone={finish} />
      </SignInFrame>
    );
  }
  if (session?.status === 'mfa_enrollment_required') {
    return (
      <SignInFrame wide>
        <EnrollStep onDone={finish} />
      </SignInFrame>
    );
  }
  return (
    <SignInFrame>
      <PasswordStep onDone={finish} />
    </SignInFrame>
  );
}

function SignInFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <Box component="main" mih="100vh" py={{ base: 'lg', sm: 64 }} px="md">
      <Container size={wide ? 560 : 440} px={0}>
        <Center mb="lg">
          <Logo size={40} />
        </Center>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
          {children}
        </Paper>
        <Text c="dimmed" size="sm" ta="center" mt="lg" px="md">
          Trellis holds private health information. Sign out when you leave a shared computer.
        </Text>
      </Container>
    </Box>
  );
}

function PasswordStep({ onDone }: { onDone(state: SessionState): void }) {
  const { signIn, endedNotice } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = {
      ...(email.trim() ? {} : { email: 'Enter your work email.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    setMissing(empty);
    if (empty.email || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await signIn(email.trim(), password));
    } catch (failure) {
      setError(failure);
      setPassword('');
      // Ready for the next try; the alert above is read out by screen readers (role="alert").
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="sign-in-title">
      <Stack gap="md">
        <div>
          <Title order={1} id="sign-in-title" fz="1.5rem">
            Sign in
          </Title>
          <Text c="dimmed" mt={4}>
            Use your work email and password.
          </Text>
        </div>
        {endedNotice && !error ? (
          <Alert color="blue" variant="light" title="Your session ended" role="status">
            {endedNotice.message}
          </Alert>
        ) : null}
        <ProblemAlert error={error} shownFields={['email', 'password']} title="Could not sign in" />
        <TextInput
          label="Work email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={missing.email ?? fieldError(error, 'email')}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          ref={passwordRef}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={missing.password ?? fieldError(error, 'password')}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        <Button type="submit" loading={busy} fullWidth mt="xs">
          Sign in
        </Button>
        <Text size="sm" c="dimmed">
          Forgot your password? Ask your Trellis administrator for a link to set a new one. Changed phones?
          They can reset two-step sign-in.
        </Text>
      </Stack>
    </form>
  );
}

function CodeStep({ onDone }: { onDone(state: SessionState): void }) {
  const { submitCode, cancelSignIn } = useSession();
  const [code, setCode] = useState('');
  const [hint, setHint] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const send = async (value: string) => {
    if (value.length !== 6) {
      setHint('Enter all 6 digits.');
      return;
    }
    setHint(undefined);
    setBusy(true);
    setError(null);
    try {
      onDone(await submitCode(value));
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  const onChange = (value: string) => {
    setCode(value);
    // The sixth digit sends the code: one less thing to press.
    if (value.length === 6 && !busy) void send(value);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send(code);
      }}
      noValidate
      aria-labelledby="code-title"
    >
      <Stack gap="md">
        <div>
          <Title order={1} id="code-title" fz="1.5rem">
            Enter your sign-in code
          </Title>
          <Text c="dimmed" mt={4}>
            Open the authenticator app on your phone and enter the 6-digit code it shows for Trellis.
          </Text>
        </div>
        <ProblemAlert error={error} shownFields={['code']} title="That code did not work" />
        <CodeInput value={code} onChange={onChange} error={hint ?? fieldError(error, 'code')} autoFocus />
        <Button type="submit" loading={busy} fullWidth>
          Continue
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => void cancelSignIn()} ta="left">
          Sign in as someone else
        </Anchor>
      </Stack>
    </form>
  );
}

function EnrollStep({ onDone }: { onDone(state: SessionState): void }) {
  const { cancelSignIn } = useSession();
  return (
    <Stack gap="md">
      <div>
        <Title order={1} fz="1.5rem">
          Set up two-step sign-in
        </Title>
        <Text c="dimmed" mt={4}>
          Your organization asks for a code from your phone each time you sign in, so that a password alone
          cannot open patient records. This takes about a minute, once.
        </Text>
      </div>
      <Suspense fallback={<PageLoader label="Preparing your setup key…" />}>
        <MfaEnrollment confirmLabel="Confirm and sign in" onConfirmed={onDone} fullWidth />
      </Suspense>
      <Anchor component="button" type="button" size="sm" onClick={() => void cancelSignIn()} ta="left">
        Not now: sign in as someone else
      </Anchor>
    </Stack>
  );
}
