import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type InquiryDetail, useAddFollowUp, useFollowUps } from './intake-api';
import { fromLocalInput } from './labels';

export function FollowUpsCard({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const followUps = useFollowUps(inquiry.id);
  const add = useAddFollowUp(inquiry.id);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const open = (followUps.data ?? []).filter((t) => t.status === 'open');
  const now = Date.now();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { title: title.trim(), dueAt: fromLocalInput(due) ?? '' },
      {
        onSuccess: () => {
          setTitle('');
          setDue('');
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="follow-ups-title">
      <Title order={2} fz="lg" id="follow-ups-title" mb="sm">
        Follow-ups
      </Title>
      <Stack gap="xs" mb="md">
        {followUps.error ? <ProblemAlert error={followUps.error} /> : null}
        {open.map((task) => {
          const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < now;
          return (
            <Group key={task.id} justify="space-between" wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={500}>
                  {task.title}
                </Text>
                <Text size="xs" c={overdue ? 'red.8' : 'dimmed'}>
                  {task.dueAt ? `Due ${formatDateTime(task.dueAt)}` : 'No due time'}
                </Text>
              </div>
              {task.priority === 'urgent' ? (
                <Badge color="red">Urgent</Badge>
              ) : overdue ? (
                <Badge color="red" variant="light">
                  Overdue
                </Badge>
              ) : null}
            </Group>
          );
        })}
        {followUps.data && open.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing planned.
          </Text>
        ) : null}
      </Stack>
      {canManage && !['admitted', 'closed'].includes(inquiry.stage) ? (
        <form onSubmit={onSubmit} noValidate aria-label="Plan a follow-up">
          <Stack gap="xs">
            <TextInput
              label="Plan a follow-up"
              placeholder="e.g. Call back about insurance"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError(add.error, 'title')}
            />
            <Group align="flex-end" gap="xs">
              <TextInput
                type="datetime-local"
                label="Due"
                value={due}
                onChange={(e) => setDue(e.currentTarget.value)}
                error={fieldError(add.error, 'dueAt')}
              />
              <Button
                type="submit"
                variant="default"
                loading={add.isPending}
                disabled={!title.trim() || !due}
              >
                Add
              </Button>
            </Group>
            <ProblemAlert error={add.error} shownFields={['title', 'dueAt']} />
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
