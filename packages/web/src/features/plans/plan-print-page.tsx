import { Alert, Anchor, Box, Breadcrumbs, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { ProblemAlert } from '../../ui/problem-alert';
import { useChartHeader } from '../patients/patients-api';
import { formatDay, VERSION_STATUS } from './labels';
import { PlanDocumentView } from './plan-document';
import { type PrintablePlan, useEpisodePlan, usePrintablePlan } from './plans-api';
import './print.css';

/** /patients/:id/plan/print: the plan on paper (or saved as PDF) for the participant to take home. */
export function PlanPrintPage() {
  const user = useUser();
  const { id = '' } = useParams();
  if (!userCan(user, 'clinical.read')) return <NotAllowed title="Treatment plan" />;
  return <PrintView patientId={id} />;
}

function PrintView({ patientId }: { patientId: string }) {
  const [search] = useSearchParams();
  const versionParam = search.get('version');
  const header = useChartHeader(patientId);
  const episodePlan = useEpisodePlan(header.data?.episode?.id ?? null);
  const planId = episodePlan.data?.plan?.id ?? null;
  const printable = usePrintablePlan(planId, versionParam ? Number(versionParam) : null);
  const error = header.error ?? episodePlan.error ?? printable.error;

  useEffect(() => {
    if (printable.data) document.title = `Treatment plan · ${printable.data.patient.name}`;
  }, [printable.data]);

  return (
    <Box className="plan-print-page">
      <Group justify="space-between" className="no-print" mb="md">
        <Breadcrumbs aria-label="You are here">
          <Anchor component={Link} to="/patients">
            Patients
          </Anchor>
          <Anchor component={Link} to={`/patients/${patientId}/plan`}>
            {header.data?.patient.displayName ?? 'Patient'}
          </Anchor>
          <Text>Print</Text>
        </Breadcrumbs>
        <Group gap="sm">
          <Button variant="default" component={Link} to={`/patients/${patientId}/plan`}>
            Back to the plan
          </Button>
          <Button onClick={() => window.print()} disabled={!printable.data}>
            Print or save as PDF
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={error} title="The plan could not be loaded" />
      {episodePlan.data && !planId ? (
        <Alert color="gray" className="no-print">
          This episode has no treatment plan yet.
        </Alert>
      ) : null}
      {printable.isPending && planId ? <Skeleton h={400} /> : null}
      {printable.data ? <PrintedPlan plan={printable.data} /> : null}
    </Box>
  );
}

const STATUS_WORDS: Record<string, string> = {
  draft: 'DRAFT: not signed, not in effect',
  awaiting_signatures: 'Awaiting signatures: not in effect yet',
  signed: 'Signed: in effect',
  voided: 'Replaced before it was signed',
};

const METHOD_WORDS: Record<string, string> = {
  password: 'confirmed with their password',
  in_person: 'in person',
  one_time_link: 'on their own device, with a one-time link',
};

function SignatureBlock({ plan }: { plan: PrintablePlan }) {
  const slots = ['clinician', 'participant', 'supervisor'] as const;
  const labels = { clinician: 'Clinician', participant: 'Participant', supervisor: 'Supervisor' };
  const shown = slots.filter(
    (slot) => slot !== 'supervisor' || plan.signatures.some((s) => s.slot === 'supervisor'),
  );
  return (
    <Box component="section" aria-label="Signatures" className="print-signatures">
      <Title order={2} fz="lg" mb="xs">
        Signatures
      </Title>
      <Group grow align="flex-start" gap="lg">
        {shown.map((slot) => {
          const signature = plan.signatures.find((s) => s.slot === slot);
          return (
            <Box key={slot} className="print-signature">
              <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
                {signature?.label ?? labels[slot]}
              </Text>
              {signature ? (
                <>
                  <Text fw={600} style={{ fontStyle: 'italic' }}>
                    {signature.typedName}
                  </Text>
                  <Text size="sm">
                    Signed electronically {formatDateTime(signature.signedAt)},{' '}
                    {METHOD_WORDS[signature.method] ?? signature.method}
                  </Text>
                </>
              ) : (
                <>
                  <Box className="print-sign-line" />
                  <Text size="sm" c="dimmed">
                    Signature and date
                  </Text>
                </>
              )}
            </Box>
          );
        })}
      </Group>
    </Box>
  );
}

function PrintedPlan({ plan }: { plan: PrintablePlan }) {
  return (
    <Box component="article" className="print-sheet" aria-label="Printable treatment plan">
      <Group justify="space-between" align="flex-start" className="print-head">
        <div>
          <Text size="sm" c="dimmed">
            {plan.programName}
          </Text>
          <Title order={1} fz={26}>
            Treatment plan
          </Title>
        </div>
        <Text size="sm" ta="right" fw={600} className="print-status">
          Version {plan.versionNumber} · {STATUS_WORDS[plan.status] ?? VERSION_STATUS[plan.status].label}
        </Text>
      </Group>
      <Group gap="xl" className="print-facts" mt="sm" mb="lg">
        <Fact label="Participant" value={plan.patient.name} />
        <Fact label="Date of birth" value={formatDay(plan.patient.dateOfBirth)} />
        {plan.patient.mrn ? <Fact label="Record number" value={plan.patient.mrn} /> : null}
        <Fact label="Admitted" value={formatDay(plan.admissionDate)} />
        {plan.signedAt ? <Fact label="Signed" value={formatDateTime(plan.signedAt)} /> : null}
        {plan.nextReviewDate ? <Fact label="Next review" value={formatDay(plan.nextReviewDate)} /> : null}
      </Group>
      <Stack gap="lg">
        <PlanDocumentView document={plan.document} />
        <SignatureBlock plan={plan} />
        <Text size="xs" c="dimmed">
          Printed {formatDateTime(plan.printedAt)}. Confidential health information: keep it in a safe place.
        </Text>
      </Stack>
    </Box>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}
