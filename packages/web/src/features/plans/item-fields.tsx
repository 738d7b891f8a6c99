import {
  ActionIcon,
  Card,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Select,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FrequencyPeriod, InterventionModality, ObjectiveStatus } from '@trellis/domain';
import type { ReactNode } from 'react';
import type { EIntervention, EObjective } from './editor-state';
import { type Diagnosis, fieldId, MODALITY_OPTIONS, STATUS_OPTIONS } from './labels';

export interface FieldContext {
  diagnoses: readonly Diagnosis[];
  staff: readonly { value: string; label: string }[];
  /** The episode's primary clinician: responsible for new interventions until changed. */
  defaultResponsible: string | null;
  /** Messages by field path (problems.0.goals.1.text), shown once the person asked to sign. */
  errors: ReadonlyMap<string, string>;
  /** Moves the focus to a field once it is on the page (after adding an item). */
  focusSoon(path: string): void;
  /** Called just before an item is removed: offers to undo it. */
  removed(what: string): void;
}

export function RemoveButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} title={label} onClick={onClick} size="lg">
      <span aria-hidden="true" style={{ fontSize: 20, lineHeight: 1 }}>
        ×
      </span>
    </ActionIcon>
  );
}

const PER_OPTIONS: { value: FrequencyPeriod; label: string }[] = [
  { value: 'week', label: 'a week' },
  { value: 'month', label: 'a month' },
];

export function FieldMessage({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text size="sm" c="red.8">
      {message}
    </Text>
  );
}

export function ItemBox({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="filled" radius="md" p="sm" style={{ minWidth: 0 }}>
      {children}
    </Fieldset>
  );
}

interface ObjectiveProps {
  objective: EObjective;
  at: string;
  number: number;
  ctx: FieldContext;
  onChange(next: EObjective): void;
  onRemove(): void;
}

export function ObjectiveFields({ objective, at, number, ctx, onChange, onRemove }: ObjectiveProps) {
  const err = (f: string) => ctx.errors.get(`${at}.${f}`);
  return (
    <Card withBorder padding="sm" radius="md" role="group" aria-label={`Objective ${number}`} bg="white">
      <Grid gap="xs" align="flex-start">
        <Grid.Col span={12}>
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Textarea
              id={fieldId(`${at}.text`)}
              label={`Objective ${number}`}
              description="Something observable the participant will do."
              autosize
              minRows={1}
              value={objective.text}
              onChange={(e) => onChange({ ...objective, text: e.currentTarget.value })}
              error={err('text')}
              style={{ flex: 1 }}
            />
            <RemoveButton label={`Remove objective ${number}`} onClick={onRemove} />
          </Group>
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput
            id={fieldId(`${at}.measure`)}
            label="How it is measured"
            placeholder="e.g. PHQ-9 below 10; diary card reviewed weekly"
            value={objective.measure}
            onChange={(e) => onChange({ ...objective, measure: e.currentTarget.value })}
            error={err('measure')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput
            id={fieldId(`${at}.targetDate`)}
            type="date"
            label="Target date"
            value={objective.targetDate ?? ''}
            onChange={(e) => onChange({ ...objective, targetDate: e.currentTarget.value || null })}
            error={err('targetDate')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            id={fieldId(`${at}.status`)}
            label="Status"
            data={STATUS_OPTIONS}
            value={objective.status}
            allowDeselect={false}
            onChange={(value) => value && onChange({ ...objective, status: value as ObjectiveStatus })}
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}

interface InterventionProps {
  intervention: EIntervention;
  at: string;
  number: number;
  ctx: FieldContext;
  onChange(next: EIntervention): void;
  onRemove(): void;
}

export function InterventionFields({ intervention, at, number, ctx, onChange, onRemove }: InterventionProps) {
  const err = (f: string) => ctx.errors.get(`${at}.${f}`);
  const staff = [...ctx.staff];
  if (intervention.responsibleUserId && !staff.some((s) => s.value === intervention.responsibleUserId)) {
    staff.push({ value: intervention.responsibleUserId, label: 'Someone no longer on staff' });
  }
  const frequency = intervention.frequency;
  return (
    <ItemBox legend={`Intervention ${number}`}>
      <Grid gap="xs" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            id={fieldId(`${at}.modality`)}
            label="Kind"
            placeholder="Choose"
            data={MODALITY_OPTIONS}
            value={intervention.modality}
            onChange={(value) =>
              onChange({ ...intervention, modality: value as InterventionModality | null })
            }
            error={err('modality')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 2 }}>
          <NumberInput
            id={fieldId(`${at}.frequency`)}
            label="Times"
            min={1}
            max={14}
            clampBehavior="strict"
            allowDecimal={false}
            value={frequency?.times ?? ''}
            onChange={(value) =>
              onChange({
                ...intervention,
                frequency:
                  typeof value === 'number' && value >= 1
                    ? { times: value, per: frequency?.per ?? 'week' }
                    : null,
              })
            }
            error={err('frequency')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 7, sm: 4 }}>
          <Select
            label="Per"
            data={PER_OPTIONS}
            value={frequency?.per ?? 'week'}
            allowDeselect={false}
            onChange={(value) =>
              onChange({
                ...intervention,
                frequency: { times: frequency?.times ?? 1, per: (value as FrequencyPeriod) ?? 'week' },
              })
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Select
              id={fieldId(`${at}.responsibleUserId`)}
              label="Responsible"
              placeholder="Choose staff"
              data={staff}
              searchable
              value={intervention.responsibleUserId}
              onChange={(value) => onChange({ ...intervention, responsibleUserId: value })}
              error={err('responsibleUserId')}
              style={{ flex: 1 }}
            />
            <RemoveButton label={`Remove intervention ${number}`} onClick={onRemove} />
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="What is done"
            placeholder="e.g. Behavioural activation; weekly activity log"
            value={intervention.description}
            onChange={(e) => onChange({ ...intervention, description: e.currentTarget.value })}
          />
        </Grid.Col>
      </Grid>
    </ItemBox>
  );
}
