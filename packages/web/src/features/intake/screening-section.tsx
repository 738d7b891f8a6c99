import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { SUBSTANCES } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import {
  type InquiryDetail,
  type ScreeningBody,
  type ScreeningRecorded,
  useRecordScreening,
} from './intake-api';

const SUBSTANCE_LABELS: Record<(typeof SUBSTANCES)[number], string> = {
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  benzodiazepines: 'Benzodiazepines',
  stimulants: 'Stimulants',
  cannabis: 'Cannabis',
  sedatives: 'Sedatives',
  other: 'Other',
};

const LAST_USE_OPTIONS = [
  { value: 'within_24_hours', label: 'In the last 24 hours' },
  { value: 'within_7_days', label: 'In the last 7 days' },
  { value: 'within_30_days', label: 'In the last 30 days' },
  { value: 'over_30_days', label: 'More than 30 days ago' },
];
const WITHDRAWAL_OPTIONS = [
  { value: 'none', label: 'None' },
  { value: 'low', label: 'Low' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'high', label: 'High' },
];
const LEVEL_LABELS: Record<string, string> = {
  emergency: 'Crisis evaluation now',
  withdrawal_management: 'Withdrawal management first or alongside',
  iop: 'Intensive outpatient (ASAM 2.1)',
};

type SafetyKey = keyof ScreeningBody['safety'];
const SAFETY_QUESTIONS: [SafetyKey, string][] = [
  ['suicidalThoughtsPastMonth', 'In the past month, have you had thoughts of killing yourself?'],
  ['suicidePlanOrIntent', 'Do you have a plan, or do you intend to act on those thoughts?'],
  ['recentSuicideAttempt', 'Have you tried to end your life in the past three months?'],
  ['thoughtsOfHarmingOthers', 'Are you having thoughts of harming someone else?'],
];

type YesNo = '' | 'yes' | 'no';

export function ScreeningSection({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const [result, setResult] = useState<ScreeningRecorded | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const latest = inquiry.latestScreening;
  const screenable = !['new', 'admitted', 'closed'].includes(inquiry.stage);
  // The answer of a screening just saved stays while it is the next thing to act on.
  const shownResult = result && (result.crisis || inquiry.stage === 'contacted') ? result : null;
  const showForm = canManage && screenable && (formOpen || (!latest && inquiry.stage === 'contacted'));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="screening-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="screening-title">
          Phone screening
        </Title>
        {latest ? (
          <Badge color={latest.urgent ? 'red' : 'green'} variant="light">
            {latest.urgent ? 'Positive safety screen' : 'No urgent safety concerns'}
          </Badge>
        ) : null}
      </Group>
      {shownResult ? <ScreeningResult result={shownResult} /> : null}
      {latest && !shownResult ? (
        <Text size="sm" mb="sm">
          Screened {formatDateTime(latest.screenedAt)}.
          {latest.suggestedLevel
            ? ` Suggested for the assessment: ${LEVEL_LABELS[latest.suggestedLevel]}.`
            : ''}
        </Text>
      ) : null}
      {!latest && !showForm ? (
        <Text size="sm" c="dimmed">
          {inquiry.stage === 'new'
            ? 'Once you have reached them (mark as contacted), do the screening on the phone.'
            : 'No screening recorded.'}
        </Text>
      ) : null}
      {showForm ? (
        <ScreeningForm
          inquiry={inquiry}
          onDone={(r) => {
            setResult(r);
            setFormOpen(false);
          }}
        />
      ) : canManage && screenable && latest ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => setFormOpen(true)}>
            Record another screening
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function ScreeningResult({ result }: { result: ScreeningRecorded }) {
  const { outcome } = result.screening;
  if (result.crisis) {
    return (
      <Alert color="red" variant="filled" title="Positive safety screen: act now" mb="md" role="alert">
        <Stack gap="xs">
          <Text>
            Stay on the line with them. An urgent task was created for the clinical team, who must contact
            them today.
          </Text>
          <List spacing={4} c="white">
            {result.crisis.resources.map((r) => (
              <List.Item key={r.name}>
                <strong>{r.name}</strong>: {r.action}{' '}
                {r.phone ? (
                  <Anchor href={`tel:${r.phone}`} c="white" fw={700} underline="always">
                    {r.phone}
                  </Anchor>
                ) : null}
              </List.Item>
            ))}
          </List>
          {outcome.reasons.length > 0 ? (
            <Text size="sm">Why: {outcome.reasons.map((r) => r.text).join(' ')}</Text>
          ) : null}
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light" title="Screening recorded" mb="md" role="status">
      No urgent safety concerns.
      {outcome.suggestedLevel
        ? ` Suggested for the assessment: ${LEVEL_LABELS[outcome.suggestedLevel]}.`
        : ''}{' '}
      {outcome.reasons.length > 0 ? outcome.reasons.map((r) => r.text).join(' ') : ''} Next: mark the inquiry
      as screened.
    </Alert>
  );
}

function YesNoQuestion(props: {
  label: string;
  value: YesNo;
  onChange(v: YesNo): void;
  error?: string | undefined;
}) {
  return (
    <Radio.Group
      label={props.label}
      value={props.value}
      onChange={(v) => props.onChange(v as YesNo)}
      error={props.error}
    >
      <Group mt={4} gap="lg">
        <Radio value="no" label="No" />
        <Radio value="yes" label="Yes" />
      </Group>
    </Radio.Group>
  );
}

function ScreeningForm({ inquiry, onDone }: { inquiry: InquiryDetail; onDone(r: ScreeningRecorded): void }) {
  const record = useRecordScreening(inquiry.id);
  const [concern, setConcern] = useState('');
  const [treatment, setTreatment] = useState('');
  const [substanceUse, setSubstanceUse] = useState<YesNo>('');
  const [substances, setSubstances] = useState<string[]>([]);
  const [lastUse, setLastUse] = useState<string | null>(null);
  const [withdrawal, setWithdrawal] = useState<string | null>(null);
  const [medical, setMedical] = useState('');
  const [notes, setNotes] = useState('');
  const [safety, setSafety] = useState<Record<SafetyKey, YesNo>>({
    suicidalThoughtsPastMonth: '',
    suicidePlanOrIntent: '',
    recentSuicideAttempt: '',
    thoughtsOfHarmingOthers: '',
  });
  const [missing, setMissing] = useState<Record<string, string>>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps: Record<string, string> = {};
    if (!concern.trim()) gaps.presentingConcern = 'Write down, in their words, what brings them.';
    if (!substanceUse) gaps.substanceUse = 'Ask about alcohol or drug use: choose yes or no.';
    for (const [key] of SAFETY_QUESTIONS)
      if (!safety[key]) gaps[key] = 'Ask every safety question: choose yes or no.';
    setMissing(gaps);
    if (Object.keys(gaps).length > 0) return;
    const uses = substanceUse === 'yes';
    const body: ScreeningBody = {
      presentingConcern: concern.trim(),
      currentTreatment: treatment.trim() || null,
      substanceUse: uses,
      ...(uses
        ? {
            substances: substances as ScreeningBody['substances'],
            lastUse: lastUse as ScreeningBody['lastUse'],
            withdrawalRisk: withdrawal as ScreeningBody['withdrawalRisk'],
          }
        : {}),
      medicalConcerns: medical.trim() || null,
      safety: {
        suicidalThoughtsPastMonth: safety.suicidalThoughtsPastMonth === 'yes',
        suicidePlanOrIntent: safety.suicidePlanOrIntent === 'yes',
        recentSuicideAttempt: safety.recentSuicideAttempt === 'yes',
        thoughtsOfHarmingOthers: safety.thoughtsOfHarmingOthers === 'yes',
      },
      notes: notes.trim() || null,
    };
    record.mutate(body, { onSuccess: onDone });
  };
  const err = (field: string) => missing[field] ?? fieldError(record.error, field);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Phone screening">
      <Stack gap="md">
        <Textarea
          label="What brings them to us?"
          description="In their own words."
          withAsterisk
          autosize
          minRows={2}
          value={concern}
          onChange={(e) => setConcern(e.currentTarget.value)}
          error={err('presentingConcern')}
        />
        <Textarea
          label="Current treatment (therapist, psychiatrist, medication)"
          autosize
          minRows={1}
          value={treatment}
          onChange={(e) => setTreatment(e.currentTarget.value)}
        />
        <YesNoQuestion
          label="Do they use alcohol or drugs?"
          value={substanceUse}
          onChange={setSubstanceUse}
          error={err('substanceUse')}
        />
        {substanceUse === 'yes' ? (
          <Stack gap="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            <Checkbox.Group
              label="Which substances?"
              value={substances}
              onChange={setSubstances}
              error={err('substances')}
            >
              <Group mt={4}>
                {SUBSTANCES.map((s) => (
                  <Checkbox key={s} value={s} label={SUBSTANCE_LABELS[s]} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Last use"
                data={LAST_USE_OPTIONS}
                value={lastUse}
                onChange={setLastUse}
                error={err('lastUse')}
              />
              <Select
                label="Withdrawal risk"
                data={WITHDRAWAL_OPTIONS}
                value={withdrawal}
                onChange={setWithdrawal}
                error={err('withdrawalRisk')}
              />
            </SimpleGrid>
          </Stack>
        ) : null}
        <Textarea
          label="Medical concerns"
          autosize
          minRows={1}
          value={medical}
          onChange={(e) => setMedical(e.currentTarget.value)}
        />
        <Stack
          gap="sm"
          p="md"
          bg="red.0"
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          component="fieldset"
          aria-labelledby="safety-legend"
        >
          <Text fw={700} id="safety-legend">
            Safety questions: ask all four, every time
          </Text>
          {SAFETY_QUESTIONS.map(([key, question]) => (
            <YesNoQuestion
              key={key}
              label={question}
              value={safety[key]}
              onChange={(v) => setSafety((s) => ({ ...s, [key]: v }))}
              error={err(key)}
            />
          ))}
          <Text size="sm">
            A “yes” opens the crisis steps at once: 988 Suicide &amp; Crisis Lifeline (call or text 988), and
            an urgent task for the clinical team.
          </Text>
        </Stack>
        <Textarea
          label="Notes"
          autosize
          minRows={1}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <ProblemAlert error={record.error} title="The screening was not saved" />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Save screening
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
