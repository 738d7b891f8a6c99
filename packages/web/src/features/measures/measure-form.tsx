import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import {
  type Administration,
  type InstrumentDefinition,
  type InstrumentItem,
  useRecordAdministration,
} from './measures-api';
import { type AnswerState, bandColor, isAsked, previewScore } from './scoring-preview';

function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

interface ItemProps {
  item: Pick<InstrumentItem, 'id' | 'text' | 'options' | 'required'>;
  number: number;
  value: number | undefined;
  missing: boolean;
  onChange: (value: number) => void;
}

/**
 * One question as a radio group: Tab reaches the group, the arrow keys move between its answers
 * (native radios sharing a name), and the whole answer box is clickable.
 */
export function ItemField({ item, number, value, missing, onChange }: ItemProps) {
  const labelId = `item-${item.id}-label`;
  const many = item.options.length > 5;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-item={item.id}
      style={missing ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <div role="radiogroup" aria-labelledby={labelId} aria-required={item.required}>
        <Text id={labelId} fw={600} mb="sm" fz="md">
          {number}. {item.text}
          {item.required ? null : (
            <Text span c="dimmed" fw={400} fz="sm">
              {' '}
              (optional)
            </Text>
          )}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: many ? 2 : Math.max(item.options.length, 2) }} spacing="xs">
          {item.options.map((option) => {
            const checked = value === option.value;
            return (
              <Box
                key={option.value}
                component="label"
                p="sm"
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 10,
                  cursor: 'pointer',
                  minHeight: 52,
                  borderRadius: 8,
                  border: `2px solid ${checked ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-gray-3)'}`,
                  background: checked ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                <Radio
                  name={item.id}
                  value={String(option.value)}
                  checked={checked}
                  onChange={() => onChange(option.value)}
                  size="md"
                  aria-label={option.label}
                />
                <Text fz="sm" style={{ flex: 1 }}>
                  {option.label}
                </Text>
                <Text fz="sm" c="dimmed" aria-hidden>
                  {option.value}
                </Text>
              </Box>
            );
          })}
        </SimpleGrid>
        {missing ? (
          <Text c="red" size="sm" mt={6}>
            Choose an answer for this question.
          </Text>
        ) : null}
      </div>
    </Paper>
  );
}

interface MeasureFormProps {
  patientId: string;
  instrument: InstrumentDefinition;
  onSaved: (administration: Administration) => void;
}

export function MeasureForm({ patientId, instrument, onSaved }: MeasureFormProps) {
  const [answers, setAnswers] = useState<AnswerState>({});
  const [administeredAt, setAdministeredAt] = useState(localNow);
  const [showMissing, setShowMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const save = useRecordAdministration(patientId);
  const preview = useMemo(() => previewScore(instrument, answers), [instrument, answers]);
  const asked = instrument.items.filter((item) => isAsked(item, answers));
  const missingIds = asked.filter((item) => item.required && answers[item.id] === undefined).map((i) => i.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (missingIds.length > 0) {
      setShowMissing(true);
      const first = formRef.current?.querySelector<HTMLInputElement>(`[data-item="${missingIds[0]}"] input`);
      first?.focus();
      return;
    }
    const body: Record<string, number | null> = {};
    for (const item of asked) body[item.id] = answers[item.id] ?? null;
    save.mutate(
      { instrument: instrument.code, answers: body, administeredAt: new Date(administeredAt).toISOString() },
      { onSuccess: onSaved },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        <Card withBorder padding="md">
          <Text fw={600}>{instrument.instructions}</Text>
          {instrument.recallPeriod ? (
            <Text size="sm" c="dimmed" mt={4}>
              Time frame: {instrument.recallPeriod}
            </Text>
          ) : null}
        </Card>
        {asked.map((item) => (
          <ItemField
            key={item.id}
            item={item}
            number={instrument.items.indexOf(item) + 1}
            value={answers[item.id]}
            missing={showMissing && missingIds.includes(item.id)}
            onChange={(value) => setAnswers((prev) => ({ ...prev, [item.id]: value }))}
          />
        ))}
        <TextInput
          type="datetime-local"
          label="When were these answers given?"
          description="Now, unless you are entering a paper form filled in earlier."
          value={administeredAt}
          onChange={(event) => setAdministeredAt(event.currentTarget.value)}
          maw={320}
          required
        />
        <Paper
          withBorder
          p="md"
          radius="md"
          shadow="sm"
          style={{ position: 'sticky', bottom: 8, zIndex: 2, background: 'var(--mantine-color-body)' }}
        >
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Group gap="sm" aria-live="polite" data-testid="live-total">
              <Text fw={600}>
                {preview.answered} of {preview.asked} answered
              </Text>
              {preview.total !== null && instrument.totalRange ? (
                <>
                  <Text>
                    · Total so far <strong>{preview.total}</strong> of {instrument.totalRange.max}
                  </Text>
                  {preview.band ? (
                    <Badge size="lg" color={bandColor(instrument.bands, preview.band.code)} tt="none">
                      {preview.band.label}
                    </Badge>
                  ) : null}
                </>
              ) : null}
            </Group>
            <Button type="submit" size="md" loading={save.isPending}>
              Save {instrument.shortTitle}
            </Button>
          </Group>
          {showMissing && missingIds.length > 0 ? (
            <Text c="red" size="sm" mt="xs" role="alert">
              {missingIds.length === 1 ? 'One question has' : `${missingIds.length} questions have`} no answer
              yet (marked in red). Nothing is saved until every question is answered.
            </Text>
          ) : null}
        </Paper>
        <ProblemAlert error={save.error} title="The measure was not saved" />
        <Text size="xs" c="dimmed">
          {instrument.copyright}
        </Text>
      </Stack>
    </form>
  );
}

interface ResultProps {
  instrument: InstrumentDefinition;
  administration: Administration;
}

/** The score as stored, with a prominent notice when it opened an urgent risk alert. */
export function MeasureResult({ instrument, administration }: ResultProps) {
  const critical = administration.flags.filter((flag) => flag.severity === 'critical');
  const warnings = administration.flags.filter((flag) => flag.severity !== 'critical');
  const alerted = administration.alertTaskIds.length > 0;
  return (
    <Stack gap="md">
      {alerted || critical.length > 0 ? (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title={
            <Title order={2} fz="xl">
              Urgent: a risk alert was sent
            </Title>
          }
        >
          <Stack gap={6}>
            {critical.map((flag) => (
              <Text key={flag.code} fw={700} fz="md">
                {flag.message}
              </Text>
            ))}
            <Text fz="md">
              An urgent risk alert went to the patient's primary clinician and to the program director. It
              stays on their Home page until someone records what was done.
            </Text>
            <Text fz="md" fw={600}>
              If the patient is still with you, follow your program's safety protocol now: ask about current
              thoughts, plans and safety before they leave.
            </Text>
          </Stack>
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Text c="dimmed" size="sm">
          {instrument.title} saved
        </Text>
        <Group gap="md" mt={4} align="baseline">
          {administration.total !== null ? (
            <Text fz={40} fw={700} lh={1} data-testid="result-total">
              {administration.total}
              {instrument.totalRange ? (
                <Text span fz="lg" c="dimmed" fw={400}>
                  {' '}
                  of {instrument.totalRange.max}
                </Text>
              ) : null}
            </Text>
          ) : null}
          <Badge size="xl" color={bandColor(instrument.bands, administration.band.code)} tt="none">
            {administration.band.label}
          </Badge>
        </Group>
        {warnings.length > 0 ? (
          <Stack gap={4} mt="md">
            {warnings.map((flag) => (
              <Alert key={flag.code} color="orange" variant="light" p="xs">
                {flag.message}
              </Alert>
            ))}
          </Stack>
        ) : null}
      </Card>
    </Stack>
  );
}
