import { Alert, Anchor, Button, Card, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api-client';
import { LinkPageShell, LinkProblem } from '../../ui/link-page';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { PlanDocumentView } from './plan-document';
import {
  type PublicPlanSigned,
  type PublicPlanSigning,
  usePublicPlan,
  useSignPublicPlan,
} from './plan-sign-api';

/**
 * /sign/plan/:token — the participant reads their treatment plan on their phone and signs it by
 * typing their name. No account; the link works once.
 */
export function PlanSignPage() {
  const token = useParams().token ?? '';
  const plan = usePublicPlan(token);
  useEffect(() => {
    document.title = 'Your treatment plan';
  }, []);
  if (plan.isPending) return <PageLoader label="Opening your plan…" />;
  if (plan.isError) return <LinkProblem error={plan.error} />;
  return <SignView token={token} plan={plan.data} />;
}

function SignView({ token, plan }: { token: string; plan: PublicPlanSigning }) {
  const sign = useSignPublicPlan(token);
  const [typedName, setTypedName] = useState('');
  const [guardian, setGuardian] = useState(false);
  const [done, setDone] = useState<PublicPlanSigned | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate(
      { signerRole: guardian ? 'guardian' : 'patient', typedName },
      {
        onSuccess: (result) => {
          setDone(result);
          window.scrollTo({ top: 0 });
        },
      },
    );
  };

  if (done) {
    return (
      <LinkPageShell programName={plan.programName}>
        <Stack>
          <Title order={1} fz={26}>
            Thank you, {plan.firstName}
          </Title>
          <Text size="lg">
            You signed your treatment plan.{' '}
            {done.status === 'signed'
              ? 'It is now in effect.'
              : 'It takes effect once your care team has added the last signature.'}
          </Text>
          <Text c="dimmed">
            Ask your care team for a printed copy any time. You can close this page now; the link will not
            open again.
          </Text>
        </Stack>
      </LinkPageShell>
    );
  }

  // A link that stopped working between opening and signing answers with the reason.
  const linkGone = sign.error instanceof ApiError && (sign.error.status === 409 || sign.error.status === 404);

  return (
    <LinkPageShell programName={plan.programName}>
      <Stack gap="lg">
        <div>
          <Title order={1} fz={26}>
            Hi {plan.firstName}
          </Title>
          <Text size="lg" mt={4}>
            This is your treatment plan (version {plan.versionNumber}): what you and your care team will work
            on, and how. Read it, then sign at the bottom.
          </Text>
          <Text c="dimmed" size="sm" mt={4}>
            This link works once, until{' '}
            {new Date(plan.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.
            If something in it is not right, do not sign: call your care team.
          </Text>
          <Anchor href="#sign-title" fw={600} mt={4} display="inline-block">
            Go to the signature ↓
          </Anchor>
        </div>
        <Card withBorder padding="md">
          <PlanDocumentView document={plan.document} />
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="sign-title">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Title order={2} fz="lg" id="sign-title">
                Sign your plan
              </Title>
              <Text>{plan.attestation}</Text>
              <Checkbox
                label={`I am signing for ${plan.firstName} as their parent, guardian or legal representative`}
                checked={guardian}
                onChange={(e) => setGuardian(e.currentTarget.checked)}
              />
              <TextInput
                label="Type your full name"
                size="md"
                value={typedName}
                onChange={(e) => setTypedName(e.currentTarget.value)}
                error={fieldError(sign.error, 'typedName')}
                autoComplete="name"
              />
              {linkGone ? (
                <Alert color="orange" title="The plan could not be signed here">
                  {(sign.error as ApiError).problem.detail}
                </Alert>
              ) : (
                <ProblemAlert
                  error={sign.error}
                  shownFields={['typedName']}
                  title="Your signature was not sent"
                />
              )}
              <Button type="submit" size="lg" fullWidth loading={sign.isPending} disabled={linkGone}>
                Sign my treatment plan
              </Button>
            </Stack>
          </form>
        </Card>
      </Stack>
    </LinkPageShell>
  );
}
