import {
  Button,
  Card,
  Fieldset,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ObjectiveStatus } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { todayIso } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { formatDay, STATUS_OPTIONS, statusLabel } from './labels';
import { type TreatmentPlan, useStartReview } from './plans-api';

interface Props {
  episodeId: string;
  plan: TreatmentPlan;
  onDone(): void;
  onCancel(): void;
}

/**
 * The review of the plan in effect: how each objective is going (status and a note), a summary
 * and the participant's own comment. Saving it drafts the next version with the new statuses,
 * to revise and sign.
 */
export function ReviewForm({ episodeId, plan, onDone, onCancel }: Props) {
  const review = useStartReview(episodeId, plan);
  const version = plan.current;
  const objectives = version.content.problems.flatMap((problem) =>
    problem.goals.flatMap((goal) => goal.objectives.map((objective) => ({ objective }))),
  );
  const [progress, setProgress] = useState<Record<string, { status: ObjectiveStatus; note: string }>>(() =>
    Object.fromEntries(
      objectives.map(({ objective }) => [
        objective.id,
        { status: objective.status as ObjectiveStatus, note: '' },
      ]),
    ),
  );
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [participantComment, setParticipantComment] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.mutate(
      {
        reviewedOn,
        summary,
        participantComment,
        progress: Object.entries(progress).map(([objectiveId, p]) => ({
          objectiveId,
          status: p.status,
          note: p.note,
        })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="review-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="xl" id="review-title">
              Review of version {version.number}
            </Title>
            <Text size="sm" c="dimmed">
              Go through each objective with the participant. Saving the review drafts version{' '}
              {version.number + 1} with the new statuses; you can then change the plan and both of you sign
              it. Version {version.number} stays in effect until then.
            </Text>
          </div>
          <TextInput
            type="date"
            label="Day of the review"
            value={reviewedOn}
            onChange={(e) => setReviewedOn(e.currentTarget.value)}
            error={fieldError(review.error, 'reviewedOn')}
            maw={220}
          />
          {version.content.problems.map((problem, p) => (
            <Stack key={problem.id} gap="xs">
              <Title order={3} fz="md">
                Problem {p + 1}: {problem.statement}
              </Title>
              {problem.goals.map((goal, g) => (
                <Stack key={goal.id} gap="xs" pl="sm">
                  <Text fw={600} size="sm">
                    Goal {g + 1}: “{goal.text.replace(/^["“]+|["”]+$/g, '')}”
                  </Text>
                  {goal.objectives.map((objective) => {
                    const entry = progress[objective.id] ?? {
                      status: objective.status as ObjectiveStatus,
                      note: '',
                    };
                    const set = (change: Partial<typeof entry>) =>
                      setProgress((all) => ({ ...all, [objective.id]: { ...entry, ...change } }));
                    return (
                      <Fieldset
                        key={objective.id}
                        legend={
                          <Text fw={600} size="sm" span>
                            {objective.text || 'Objective'}
                          </Text>
                        }
                        variant="filled"
                        radius="md"
                        aria-label={objective.text || 'Objective'}
                      >
                        <Text size="xs" c="dimmed" mb={6}>
                          Was {statusLabel(objective.status).toLowerCase()} · target{' '}
                          {formatDay(objective.targetDate)} · measured by {objective.measure || '—'}
                        </Text>
                        <Grid gap="xs">
                          <Grid.Col span={{ base: 12, sm: 4 }}>
                            <Select
                              label="Progress"
                              data={STATUS_OPTIONS}
                              value={entry.status}
                              allowDeselect={false}
                              onChange={(value) => value && set({ status: value as ObjectiveStatus })}
                            />
                          </Grid.Col>
                          <Grid.Col span={{ base: 12, sm: 8 }}>
                            <TextInput
                              label="Note"
                              placeholder="What happened, in a line"
                              value={entry.note}
                              onChange={(e) => set({ note: e.currentTarget.value })}
                            />
                          </Grid.Col>
                        </Grid>
                      </Fieldset>
                    );
                  })}
                </Stack>
              ))}
            </Stack>
          ))}
          <Textarea
            label="Summary of the review"
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fieldError(review.error, 'summary')}
          />
          <Textarea
            label="The participant’s comment, in their words"
            autosize
            minRows={2}
            value={participantComment}
            onChange={(e) => setParticipantComment(e.currentTarget.value)}
            error={fieldError(review.error, 'participantComment')}
          />
          <ProblemAlert
            error={review.error}
            shownFields={['reviewedOn', 'summary', 'participantComment']}
            title="The review was not saved"
          />
          <Group gap="sm">
            <Button type="submit" loading={review.isPending}>
              Save the review and draft version {version.number + 1}
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
