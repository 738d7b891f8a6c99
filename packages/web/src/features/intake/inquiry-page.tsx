import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import {
  CLOSE_REASON_LABELS,
  CLOSE_REASONS,
  type CloseReason,
  HELP_WANTED_LABELS,
  INQUIRY_STAGE_LABELS,
  INQUIRY_TRANSITIONS,
  type InquiryStage,
} from '@trellis/domain';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { AdmitSection } from './admit-section';
import { FollowUpsCard } from './follow-ups-card';
import { InquiryDetailsForm } from './inquiry-details-form';
import { InquiryInsurance } from './inquiry-insurance';
import { type InquiryDetail, useInquiry, useInquiryHistory, useTransition } from './intake-api';
import { ageOf, fromLocalInput, SOURCE_LABELS, STAGE_COLORS, toLocalInput } from './labels';
import { ScreeningSection } from './screening-section';

export function InquiryPage() {
  const user = useUser();
  const { id = '' } = useParams();
  if (!userCan(user, 'inquiry.read')) return <NotAllowed title="Inquiry" />;
  return <Inquiry id={id} canManage={userCan(user, 'inquiry.manage')} />;
}

function Inquiry({ id, canManage }: { id: string; canManage: boolean }) {
  const query = useInquiry(id);
  if (query.isPending) return <PageLoader label="Loading the inquiry…" />;
  if (query.error || !query.data) {
    return (
      <>
        <PageHeader title="Inquiry" />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  const inquiry = query.data;
  const name = `${inquiry.firstName} ${inquiry.lastName}`;
  return (
    <>
      <Breadcrumbs mb="sm" aria-label="You are here">
        <Anchor component={Link} to="/intake">
          Intake
        </Anchor>
        <Text>{name}</Text>
      </Breadcrumbs>
      <PageHeader
        title={name}
        description={
          <>
            <Badge
              color={STAGE_COLORS[inquiry.stage]}
              variant="filled"
              mr="xs"
              style={{ verticalAlign: 'middle' }}
            >
              {INQUIRY_STAGE_LABELS[inquiry.stage]}
            </Badge>
            {HELP_WANTED_LABELS[inquiry.helpWanted]} · {SOURCE_LABELS[inquiry.source] ?? inquiry.source} ·
            asked {ageOf(inquiry.createdAt)} ago · reference {inquiry.reference}
          </>
        }
      />
      {inquiry.urgent ? (
        <Alert color="red" variant="filled" title="Urgent: positive safety screen" mb="lg" role="alert">
          A clinician must speak with this person today. An urgent task is in the clinical team’s work queue.
          If they are in danger now: 988 Suicide &amp; Crisis Lifeline (call or text 988), or 911.
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <NextStepCard inquiry={inquiry} canManage={canManage} />
            <ScreeningSection inquiry={inquiry} canManage={canManage} />
            <InquiryInsurance inquiry={inquiry} canManage={canManage} />
            <AdmitSection inquiry={inquiry} canManage={canManage} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <InquiryDetailsForm key={inquiry.id} inquiry={inquiry} canManage={canManage} />
            <FollowUpsCard inquiry={inquiry} canManage={canManage} />
            <HistoryCard inquiry={inquiry} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

interface StageAction {
  to: InquiryStage;
  label: string;
  /** Why it cannot be done yet; null when it can. */
  blocked: string | null;
  primary: boolean;
}

/** The moves the pipeline allows from here, each with what still stands in its way. */
function actionsFor(inquiry: InquiryDetail): StageAction[] {
  const allowed = INQUIRY_TRANSITIONS[inquiry.stage];
  const hasCheck = inquiry.coverages.some((c) => c.latestCheck !== null);
  const out: StageAction[] = [];
  const forward: Partial<Record<InquiryStage, InquiryStage>> = {
    new: 'contacted',
    contacted: 'screened',
    screened: 'benefits_checked',
    benefits_checked: 'assessment_booked',
  };
  const next = forward[inquiry.stage];
  if (next) {
    let blocked: string | null = null;
    if (next === 'screened' && !inquiry.latestScreening)
      blocked = 'Record the phone screening first (below).';
    if (next === 'benefits_checked' && !hasCheck && !inquiry.selfPay) {
      blocked = 'Record a benefit check on their insurance first (below), or choose self-pay.';
    }
    const labels: Partial<Record<InquiryStage, string>> = {
      contacted: 'Mark as contacted',
      screened: 'Mark as screened',
      benefits_checked: 'Mark benefits as checked',
    };
    if (next !== 'assessment_booked')
      out.push({ to: next, label: labels[next] ?? next, blocked, primary: true });
  }
  for (const to of allowed) {
    if (to === next || to === 'closed' || to === 'admitted' || to === 'assessment_booked') continue;
    if (to === 'new' && inquiry.stage === 'closed') {
      out.push({ to, label: 'Reopen inquiry', blocked: null, primary: true });
      continue;
    }
    out.push({ to, label: `Back to “${INQUIRY_STAGE_LABELS[to]}”`, blocked: null, primary: false });
  }
  return out;
}

const NEXT_WORDS: Record<InquiryStage, string> = {
  new: 'Call them back. Once you have spoken with them, mark the inquiry as contacted.',
  contacted: 'Do the phone screening with them and record it below.',
  screened: 'Check their insurance benefits (by phone or the payer’s portal) and record what you found.',
  benefits_checked: 'Book the initial assessment: choose the date and time.',
  assessment_booked: 'After the assessment, admit them into a track below.',
  admitted: 'Admitted. Their care continues in the patient’s chart.',
  closed: 'This inquiry is closed. Reopen it if they come back.',
};

function NextStepCard({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const move = useTransition(inquiry.id);
  const [assessmentAt, setAssessmentAt] = useState(toLocalInput(inquiry.assessmentAt));
  const [closing, setClosing] = useState(false);
  const actions = actionsFor(inquiry);
  const canBook = INQUIRY_TRANSITIONS[inquiry.stage].includes('assessment_booked');
  const canClose = INQUIRY_TRANSITIONS[inquiry.stage].includes('closed');
  const canSelfPay = inquiry.stage === 'screened' && !inquiry.coverages.some((c) => c.latestCheck);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="next-step-title">
      <Title order={2} fz="lg" id="next-step-title">
        Next step
      </Title>
      <Text mb="md">{NEXT_WORDS[inquiry.stage]}</Text>
      {inquiry.stage === 'admitted' && inquiry.patientId ? (
        <Button component={Link} to={`/patients/${inquiry.patientId}`}>
          Open the patient’s chart
        </Button>
      ) : null}
      {inquiry.stage === 'closed' && inquiry.closedReason ? (
        <Text size="sm" mb="sm">
          Closed: {CLOSE_REASON_LABELS[inquiry.closedReason]}
          {inquiry.closedReasonText ? ` (${inquiry.closedReasonText})` : ''}.
        </Text>
      ) : null}
      {canManage ? (
        <Stack gap="md">
          <ProblemAlert error={move.error} shownFields={['assessmentAt']} title="The stage did not change" />
          {canBook ? (
            <Group align="flex-end" gap="sm">
              <TextInput
                type="datetime-local"
                label={
                  inquiry.stage === 'assessment_booked'
                    ? 'Reschedule the assessment to'
                    : 'Assessment date and time'
                }
                value={assessmentAt}
                onChange={(e) => setAssessmentAt(e.currentTarget.value)}
                error={fieldError(move.error, 'assessmentAt')}
              />
              <Button
                variant={inquiry.stage === 'assessment_booked' ? 'default' : 'filled'}
                disabled={!assessmentAt}
                loading={move.isPending && move.variables?.to === 'assessment_booked'}
                onClick={() =>
                  move.mutate({ to: 'assessment_booked', assessmentAt: fromLocalInput(assessmentAt) })
                }
              >
                {inquiry.stage === 'assessment_booked' ? 'Reschedule' : 'Book assessment'}
              </Button>
            </Group>
          ) : null}
          {inquiry.stage === 'assessment_booked' && inquiry.assessmentAt ? (
            <Text fw={500}>Assessment booked for {formatDateTime(inquiry.assessmentAt)}.</Text>
          ) : null}
          {actions.length > 0 || canSelfPay || canClose ? (
            <Group gap="sm" align="flex-start">
              {actions.map((action) => (
                <Stack key={action.to} gap={4} maw="20rem">
                  <Button
                    variant={action.primary ? 'filled' : 'default'}
                    disabled={action.blocked !== null}
                    loading={move.isPending && move.variables?.to === action.to}
                    onClick={() => move.mutate({ to: action.to })}
                    aria-describedby={action.blocked ? `blocked-${action.to}` : undefined}
                  >
                    {action.label}
                  </Button>
                  {action.blocked ? (
                    <Text size="sm" c="dimmed" id={`blocked-${action.to}`}>
                      {action.blocked}
                    </Text>
                  ) : null}
                </Stack>
              ))}
              {canSelfPay ? (
                <Button
                  variant="default"
                  loading={move.isPending && move.variables?.selfPay === true}
                  onClick={() => move.mutate({ to: 'benefits_checked', selfPay: true })}
                >
                  Self-pay: go on without insurance
                </Button>
              ) : null}
              {canClose ? (
                <Button variant="subtle" color="red" onClick={() => setClosing(true)}>
                  Close inquiry…
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ) : null}
      <CloseDialog inquiry={inquiry} opened={closing} onClose={() => setClosing(false)} />
    </Card>
  );
}

function CloseDialog({
  inquiry,
  opened,
  onClose,
}: {
  inquiry: InquiryDetail;
  opened: boolean;
  onClose(): void;
}) {
  const move = useTransition(inquiry.id);
  const [reason, setReason] = useState<CloseReason | null>(null);
  const [text, setText] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title="Close this inquiry?">
      <Stack>
        <Text size="sm">It leaves the pipeline. You can reopen it later if they come back.</Text>
        <Select
          label="Why?"
          withAsterisk
          data={CLOSE_REASONS.map((r) => ({ value: r, label: CLOSE_REASON_LABELS[r] }))}
          value={reason}
          onChange={(r) => setReason(r as CloseReason | null)}
          error={fieldError(move.error, 'reason')}
        />
        <Textarea
          label={reason === 'other' ? 'In a few words' : 'In a few words (optional)'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError(move.error, 'reasonText')}
        />
        <ProblemAlert error={move.error} shownFields={['reason', 'reasonText']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!reason}
            loading={move.isPending}
            onClick={() =>
              reason &&
              move.mutate(
                { to: 'closed', reason, reasonText: text.trim() || undefined },
                { onSuccess: onClose },
              )
            }
          >
            Close inquiry
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function HistoryCard({ inquiry }: { inquiry: InquiryDetail }) {
  const history = useInquiryHistory(inquiry.id);
  let body: ReactNode;
  if (history.isPending) body = <Text c="dimmed">Loading…</Text>;
  else if (history.error) body = <ProblemAlert error={history.error} />;
  else {
    const items = history.data ?? [];
    body = (
      <Timeline bulletSize={14} lineWidth={2} active={items.length}>
        <Timeline.Item title={`Inquiry received (${SOURCE_LABELS[inquiry.source] ?? inquiry.source})`}>
          <Text size="sm" c="dimmed">
            {formatDateTime(inquiry.createdAt)}
          </Text>
        </Timeline.Item>
        {items.map((change) => (
          <Timeline.Item key={change.id} title={INQUIRY_STAGE_LABELS[change.toStage]}>
            <Text size="sm" c="dimmed">
              {formatDateTime(change.changedAt)} · {change.changedBy?.name ?? 'Trellis'}
            </Text>
            {change.reason ? (
              <Text size="sm">
                {CLOSE_REASON_LABELS[change.reason]}
                {change.reasonText ? `: ${change.reasonText}` : ''}
              </Text>
            ) : null}
            {change.assessmentAt ? (
              <Text size="sm">Assessment {formatDateTime(change.assessmentAt)}</Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    );
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-title">
      <Title order={2} fz="lg" id="history-title" mb="md">
        Stage history
      </Title>
      {body}
    </Card>
  );
}
