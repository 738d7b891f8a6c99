import { Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ProblemAlert } from '../../ui/problem-alert';
import { useChartHeader } from '../patients/patients-api';
import type { Names } from './change-list';
import { fromContent, toInput } from './editor-state';
import { PlanDocumentView } from './plan-document';
import { PlanEditor } from './plan-editor';
import { PlanStatusCard } from './plan-status-card';
import {
  saveDraft,
  type TreatmentPlan,
  useEpisode,
  useEpisodePlan,
  usePlanSaved,
  usePrintablePlan,
  useStaff,
} from './plans-api';
import { ReviewForm } from './review-form';
import { ReviewsCard } from './reviews-card';
import { ScheduleThreadCard } from './schedule-thread-card';
import { ParticipantSignDialog, PlanLinkModal, StaffSignDialog } from './sign-dialogs';
import { StartPlan } from './start-plan';
import { VersionsCard } from './versions-card';

/** The Plan tab of the chart: start, edit, sign, review and compare the episode's treatment plan. */
export function PlanTab({ patientId }: { patientId: string }) {
  const user = useUser();
  if (!userCan(user, 'clinical.read')) {
    return (
      <Card withBorder padding="lg">
        <Text>Treatment plans are clinical records: your role does not open them.</Text>
      </Card>
    );
  }
  return <PlanTabContent patientId={patientId} />;
}

function PlanTabContent({ patientId }: { patientId: string }) {
  const header = useChartHeader(patientId);
  const episodeId = header.data?.episode?.id ?? null;
  const episodePlan = useEpisodePlan(episodeId);
  const episode = useEpisode(episodeId);
  const staff = useStaff();
  const user = useUser();

  const staffNames = useMemo(
    () =>
      new Map(
        (staff.data ?? []).map((u) => [
          u.id,
          u.credentials ? `${u.displayName}, ${u.credentials}` : u.displayName,
        ]),
      ),
    [staff.data],
  );
  const names: Names = useMemo(
    () => ({ staff: staffNames, diagnoses: episode.data?.diagnoses ?? [] }),
    [staffNames, episode.data],
  );

  if (header.error) return <ProblemAlert error={header.error} />;
  if (header.isPending) return <Skeleton h={200} />;
  if (!episodeId) {
    return (
      <Card withBorder padding="lg">
        <Text>A treatment plan belongs to an episode of care. This patient has no open episode.</Text>
      </Card>
    );
  }
  if (episodePlan.error)
    return <ProblemAlert error={episodePlan.error} title="The plan could not be loaded" />;
  if (!episodePlan.data || episode.isPending) return <Skeleton h={300} />;
  const plan = episodePlan.data.plan;
  if (!plan) {
    return (
      <StartPlan
        episodeId={episodeId}
        due={episodePlan.data.due}
        canWrite={userCan(user, 'clinical.write')}
        diagnosisCodes={names.diagnoses.map((d) => d.code)}
      />
    );
  }
  return (
    <PlanWorkspace
      key={plan.id}
      plan={plan}
      episodeId={episodeId}
      patientId={patientId}
      patientName={header.data?.patient.displayName ?? 'the participant'}
      names={names}
      staffOptions={(staff.data ?? []).map((u) => ({
        value: u.id,
        label: staffNames.get(u.id) ?? u.displayName,
      }))}
      defaultResponsible={header.data?.episode?.primaryClinician?.id ?? null}
    />
  );
}

type Dialog = 'sign' | 'cosign' | 'participant' | 'link' | 'change' | null;

interface WorkspaceProps {
  plan: TreatmentPlan;
  episodeId: string;
  patientId: string;
  patientName: string;
  names: Names;
  staffOptions: { value: string; label: string }[];
  defaultResponsible: string | null;
}

function PlanWorkspace({
  plan,
  episodeId,
  patientId,
  patientName,
  names,
  staffOptions,
  defaultResponsible,
}: WorkspaceProps) {
  const user = useUser();
  const canWrite = userCan(user, 'clinical.write');
  const canSign = userCan(user, 'clinical.sign');
  const canCosign = userCan(user, 'clinical.cosign');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reviewing, setReviewing] = useState(false);
  const onSaved = usePlanSaved(episodeId);
  // "Change the plan" on a version awaiting signatures or signed: the same content saved again
  // reopens it (no signature yet) or starts the next version.
  const change = useMutation({
    mutationFn: () => saveDraft(plan.id, plan.version, toInput(fromContent(plan.current.content))),
    onSuccess: (saved) => {
      onSaved(saved);
      setDialog(null);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isStale) onSaved(error.problem.current as TreatmentPlan);
    },
  });

  const version = plan.current;
  const missing = version.signatures.missing;
  const actions: React.ReactNode[] = [];
  if (version.status === 'awaiting_signatures') {
    if (missing.includes('clinician') && canSign) {
      actions.push(
        <Button key="sign" onClick={() => setDialog('sign')}>
          Sign as the clinician
        </Button>,
      );
    }
    if (missing.includes('participant') && canSign) {
      actions.push(
        <Button
          key="participant"
          onClick={() => setDialog('participant')}
          variant={missing.includes('clinician') ? 'light' : 'filled'}
        >
          Participant signs here, in person
        </Button>,
      );
    }
    if (missing.includes('participant') && canWrite) {
      actions.push(
        <Button key="link" variant="light" onClick={() => setDialog('link')}>
          Send a signing link
        </Button>,
      );
    }
    if (missing.includes('supervisor') && canCosign) {
      actions.push(
        <Button key="cosign" onClick={() => setDialog('cosign')}>
          Co-sign as supervisor
        </Button>,
      );
    }
  }
  if (version.status === 'signed' && canWrite && !reviewing) {
    actions.push(
      <Button key="review" onClick={() => setReviewing(true)}>
        Start a review
      </Button>,
    );
  }
  if ((version.status === 'signed' || version.status === 'awaiting_signatures') && canWrite && !reviewing) {
    actions.push(
      <Button key="change" variant="default" onClick={() => setDialog('change')}>
        Change the plan
      </Button>,
    );
  }
  const signaturesGiven = [
    version.signatures.clinician,
    version.signatures.participant,
    version.signatures.supervisor,
  ].filter(Boolean).length;

  return (
    <Stack gap="lg">
      <PlanStatusCard
        plan={plan}
        patientId={patientId}
        staffNames={names.staff}
        actions={actions.length > 0 ? actions : null}
      />
      {reviewing && version.status === 'signed' ? (
        <ReviewForm
          episodeId={episodeId}
          plan={plan}
          onDone={() => setReviewing(false)}
          onCancel={() => setReviewing(false)}
        />
      ) : version.status === 'draft' ? (
        <PlanEditor
          key={`${plan.id}-${version.number}`}
          episodeId={episodeId}
          plan={plan}
          names={names}
          diagnosisCodes={names.diagnoses.map((d) => d.code)}
          staffOptions={staffOptions}
          defaultResponsible={defaultResponsible}
          canSign={canSign}
        />
      ) : (
        <VersionDocument plan={plan} />
      )}
      {version.content.problems.some((p) => p.interventions.length > 0) ? (
        <ScheduleThreadCard
          planId={plan.id}
          patientId={patientId}
          problemIds={version.content.problems.map((p) => p.id)}
        />
      ) : null}
      <VersionsCard key={plan.versions.length} plan={plan} names={names} patientId={patientId} />
      <ReviewsCard planId={plan.id} />

      <StaffSignDialog
        episodeId={episodeId}
        plan={plan}
        as="sign"
        opened={dialog === 'sign'}
        onClose={() => setDialog(null)}
      />
      <StaffSignDialog
        episodeId={episodeId}
        plan={plan}
        as="cosign"
        opened={dialog === 'cosign'}
        onClose={() => setDialog(null)}
      />
      <ParticipantSignDialog
        episodeId={episodeId}
        plan={plan}
        patientName={patientName}
        opened={dialog === 'participant'}
        onClose={() => setDialog(null)}
      />
      <PlanLinkModal plan={plan} opened={dialog === 'link'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'change'}
        title="Change the plan?"
        confirmLabel={
          version.status === 'awaiting_signatures' && signaturesGiven === 0
            ? 'Reopen the draft'
            : `Start version ${version.number + 1}`
        }
        busy={change.isPending}
        error={change.error}
        onConfirm={() => change.mutate()}
        onClose={() => {
          change.reset();
          setDialog(null);
        }}
      >
        {version.status === 'signed'
          ? `Version ${version.number} stays in effect. Your changes go into version ${version.number + 1}, which both of you sign again.`
          : signaturesGiven === 0
            ? 'The plan goes back to draft so you can edit it; any signing link sent for it stops working.'
            : `The signatures already given on version ${version.number} no longer count: your changes go into version ${version.number + 1}, which is signed again. Any signing link sent stops working.`}
      </ConfirmDialog>
    </Stack>
  );
}

/** The current version as it reads, for versions that are no longer drafts. */
function VersionDocument({ plan }: { plan: TreatmentPlan }) {
  const printable = usePrintablePlan(plan.id, plan.current.number);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-document-title">
      <Title order={2} fz="lg" id="plan-document-title" mb="md">
        {plan.current.status === 'signed'
          ? `The plan in effect (version ${plan.current.number})`
          : `Version ${plan.current.number} as it will be signed`}
      </Title>
      <ProblemAlert error={printable.error} title="The plan could not be shown" />
      {printable.isPending ? <Skeleton h={200} /> : null}
      {printable.data ? <PlanDocumentView document={printable.data.document} headingLevel={3} /> : null}
    </Card>
  );
}
