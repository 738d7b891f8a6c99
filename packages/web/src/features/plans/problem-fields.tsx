import { Button, Card, Group, Select, Stack, Textarea, Title } from '@mantine/core';
import { ASAM_DIMENSIONS } from '@trellis/domain';
import {
  type EGoal,
  type EIntervention,
  type EObjective,
  type EProblem,
  emptyGoal,
  emptyIntervention,
  emptyObjective,
} from './editor-state';
import {
  type FieldContext,
  FieldMessage,
  InterventionFields,
  ItemBox,
  ObjectiveFields,
  RemoveButton,
} from './item-fields';
import { fieldId } from './labels';

function sourceValue(source: EProblem['source']): string | null {
  if (!source) return null;
  return source.kind === 'asam' ? `asam:${source.dimension}` : `dx:${source.code}`;
}

function sourceFrom(value: string | null): EProblem['source'] {
  if (!value) return null;
  if (value.startsWith('asam:')) return { kind: 'asam', dimension: Number(value.slice(5)) };
  return { kind: 'diagnosis', code: value.slice(3) };
}

interface ProblemProps {
  problem: EProblem;
  index: number;
  ctx: FieldContext;
  onChange(next: EProblem): void;
  onRemove(): void;
}

/** One problem of the draft: what it is, what it is linked to, its goals and objectives, its interventions. */
export function ProblemFields({ problem, index, ctx, onChange, onRemove }: ProblemProps) {
  const at = `problems.${index}`;
  const err = (path: string) => ctx.errors.get(path);
  const diagnosisOptions = ctx.diagnoses.map((d) => ({
    value: `dx:${d.code}`,
    label: `${d.code} · ${d.text}`,
  }));
  // A source no longer on the episode stays visible, so the checklist's message can be understood.
  const source = problem.source;
  if (source?.kind === 'diagnosis' && !ctx.diagnoses.some((d) => d.code === source.code)) {
    diagnosisOptions.push({ value: `dx:${source.code}`, label: `${source.code} (not on this episode)` });
  }
  const sourceData = [
    { group: 'Diagnoses of this episode', items: diagnosisOptions },
    {
      group: 'ASAM dimensions',
      items: ASAM_DIMENSIONS['3'].map((d) => ({
        value: `asam:${d.number}`,
        label: `${d.number}. ${d.name}`,
      })),
    },
  ];
  const setGoal = (g: number, goal: EGoal) =>
    onChange({ ...problem, goals: problem.goals.map((x, i) => (i === g ? goal : x)) });
  const setIntervention = (i: number, iv: EIntervention) =>
    onChange({ ...problem, interventions: problem.interventions.map((x, j) => (j === i ? iv : x)) });

  return (
    <Card withBorder padding="lg" component="section" aria-label={`Problem ${index + 1}`}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="lg">
            Problem {index + 1}
          </Title>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
            Remove problem {index + 1}
          </Button>
        </Group>
        <Textarea
          id={fieldId(`${at}.statement`)}
          label="Problem"
          description="What the participant struggles with, as seen in the assessment."
          autosize
          minRows={2}
          value={problem.statement}
          onChange={(e) => onChange({ ...problem, statement: e.currentTarget.value })}
          error={err(`${at}.statement`)}
        />
        <Select
          id={fieldId(`${at}.source`)}
          label="Linked to"
          description="A diagnosis of this episode, or the ASAM dimension the problem comes from."
          placeholder="Choose a diagnosis or an ASAM dimension"
          data={sourceData}
          value={sourceValue(problem.source)}
          onChange={(value) => onChange({ ...problem, source: sourceFrom(value) })}
          error={err(`${at}.source`)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />

        <Stack gap="sm">
          <Title order={4} fz="md">
            Goals
          </Title>
          {problem.goals.map((goal, g) => (
            <GoalFields
              key={goal.key}
              goal={goal}
              at={`${at}.goals.${g}`}
              number={g + 1}
              ctx={ctx}
              onChange={(next) => setGoal(g, next)}
              onRemove={() => {
                ctx.removed(`Goal ${g + 1} of problem ${index + 1}`);
                // The removed item took the focus with it: it goes to the list's "Add" button.
                ctx.focusSoon(`${at}.goals`);
                onChange({ ...problem, goals: problem.goals.filter((_, i) => i !== g) });
              }}
            />
          ))}
          <FieldMessage message={err(`${at}.goals`)} />
          <Button
            id={fieldId(`${at}.goals`)}
            variant="light"
            onClick={() => {
              ctx.focusSoon(`${at}.goals.${problem.goals.length}.text`);
              onChange({ ...problem, goals: [...problem.goals, emptyGoal()] });
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            Add a goal to problem {index + 1}
          </Button>
        </Stack>

        <Stack gap="sm">
          <Title order={4} fz="md">
            Interventions
          </Title>
          {problem.interventions.map((iv, i) => (
            <InterventionFields
              key={iv.key}
              intervention={iv}
              at={`${at}.interventions.${i}`}
              number={i + 1}
              ctx={ctx}
              onChange={(next) => setIntervention(i, next)}
              onRemove={() => {
                ctx.removed(`Intervention ${i + 1} of problem ${index + 1}`);
                ctx.focusSoon(`${at}.interventions`);
                onChange({ ...problem, interventions: problem.interventions.filter((_, j) => j !== i) });
              }}
            />
          ))}
          <FieldMessage message={err(`${at}.interventions`)} />
          <Button
            id={fieldId(`${at}.interventions`)}
            variant="light"
            onClick={() => {
              ctx.focusSoon(`${at}.interventions.${problem.interventions.length}.modality`);
              onChange({
                ...problem,
                interventions: [...problem.interventions, emptyIntervention(ctx.defaultResponsible)],
              });
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            Add an intervention to problem {index + 1}
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

interface GoalProps {
  goal: EGoal;
  at: string;
  number: number;
  ctx: FieldContext;
  onChange(next: EGoal): void;
  onRemove(): void;
}

function GoalFields({ goal, at, number, ctx, onChange, onRemove }: GoalProps) {
  const setObjective = (o: number, next: EObjective) =>
    onChange({ ...goal, objectives: goal.objectives.map((x, i) => (i === o ? next : x)) });
  return (
    <ItemBox legend={`Goal ${number}`}>
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <Textarea
            id={fieldId(`${at}.text`)}
            label="Goal, in the participant’s own words"
            placeholder="“I want to get through a week without drinking.”"
            autosize
            minRows={1}
            value={goal.text}
            onChange={(e) => onChange({ ...goal, text: e.currentTarget.value })}
            error={ctx.errors.get(`${at}.text`)}
            style={{ flex: 1 }}
          />
          <RemoveButton label={`Remove goal ${number}`} onClick={onRemove} />
        </Group>
        {goal.objectives.map((objective, o) => (
          <ObjectiveFields
            key={objective.key}
            objective={objective}
            at={`${at}.objectives.${o}`}
            number={o + 1}
            ctx={ctx}
            onChange={(next) => setObjective(o, next)}
            onRemove={() => {
              ctx.removed(`Objective ${o + 1} of goal ${number}`);
              ctx.focusSoon(`${at}.objectives`);
              onChange({ ...goal, objectives: goal.objectives.filter((_, i) => i !== o) });
            }}
          />
        ))}
        <FieldMessage message={ctx.errors.get(`${at}.objectives`)} />
        <Button
          id={fieldId(`${at}.objectives`)}
          variant="subtle"
          size="compact-sm"
          onClick={() => {
            ctx.focusSoon(`${at}.objectives.${goal.objectives.length}.text`);
            onChange({ ...goal, objectives: [...goal.objectives, emptyObjective()] });
          }}
          style={{ alignSelf: 'flex-start' }}
        >
          Add an objective to goal {number}
        </Button>
      </Stack>
    </ItemBox>
  );
}
