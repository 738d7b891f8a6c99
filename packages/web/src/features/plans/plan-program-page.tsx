import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, request } from '../../app/api-client';
import { userCan } from '../../app/navigation';
import { useUser } from '../../app/session';
import type { Input, Output } from '../../app/types';
import { NotAllowed } from '../../ui/not-allowed';
import { PageHeader } from '../../ui/page-header';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import { StaleChanges } from '../../ui/stale-changes';

type PlanSettings = Output<typeof api.PlanSettings>;
type SettingsBody = Input<typeof api.SavePlanSettingsRequest>;
type PlanTemplate = Output<typeof api.PlanTemplate>;

const keys = {
  settings: ['plans', 'settings'] as const,
  library: ['plans', 'templates', 'all'] as const,
};

const SETTING_FIELDS = [
  { key: 'signDeadlineDays', label: 'Days to sign the first plan' },
  { key: 'reviewCadenceDays', label: 'Days between reviews' },
  { key: 'cosignatureRequired', label: 'A director co-signs every plan' },
];

/** How the program runs its treatment plans: deadlines, reviews, co-signature, and the library. */
export function PlanProgramPage() {
  const user = useUser();
  if (!userCan(user, 'program.manage')) return <NotAllowed title="Treatment plans" />;
  return (
    <>
      <PageHeader
        title="Treatment plans"
        description="The rules every plan follows in this program, and the templates clinicians start from."
      />
      <Stack gap="lg" maw="60rem">
        <PlanRules />
        <TemplateLibrary />
      </Stack>
    </>
  );
}

function PlanRules() {
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => request<PlanSettings>('/plan-settings', { signal }),
  });
  const save = useMutation({
    mutationFn: ({ version, body }: { version: number; body: SettingsBody }) =>
      request<PlanSettings>('/plan-settings', { method: 'PUT', version, body }),
    onSuccess: (saved) => queryClient.setQueryData(keys.settings, saved),
  });
  const [values, setValues] = useState<SettingsBody | null>(null);
  const [base, setBase] = useState<PlanSettings | null>(null);
  useEffect(() => {
    if (settings.data && !base) {
      setBase(settings.data);
      setValues({
        signDeadlineDays: settings.data.signDeadlineDays,
        reviewCadenceDays: settings.data.reviewCadenceDays,
        cosignatureRequired: settings.data.cosignatureRequired,
      });
    }
  }, [settings.data, base]);

  if (settings.isPending || !values || !base) return <PageLoader />;
  const stale =
    save.error instanceof ApiError && save.error.isStale
      ? (save.error.problem.current as PlanSettings)
      : null;
  const fields = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const submit = (event: FormEvent, version = base.version) => {
    event.preventDefault();
    save.mutate(
      { version, body: values },
      {
        onSuccess: (saved) => {
          setBase(saved);
          notifications.show({
            color: 'green',
            title: 'Saved',
            message: 'The plan rules apply from now on.',
          });
        },
      },
    );
  };
  const takeCurrent = (current: PlanSettings) => {
    save.reset();
    setBase(current);
    setValues({
      signDeadlineDays: current.signDeadlineDays,
      reviewCadenceDays: current.reviewCadenceDays,
      cosignatureRequired: current.cosignatureRequired,
    });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="plan-rules">
      <Title order={2} fz="lg" id="plan-rules" mb="xs">
        Plan rules
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Due and overdue plans on Home follow these. Check what your state, payers and accreditor require.
      </Text>
      <form onSubmit={(e) => submit(e)} noValidate aria-label="Plan rules">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Days to sign the first plan"
              description="Counted from admission. Default 7."
              min={1}
              max={30}
              clampBehavior="none"
              value={values.signDeadlineDays}
              onChange={(v) => setValues({ ...values, signDeadlineDays: Number(v) || 0 })}
              error={fields.signDeadlineDays}
            />
            <NumberInput
              label="Days between reviews"
              description="Counted from the signature of the plan in effect. Default 30."
              min={7}
              max={180}
              clampBehavior="none"
              value={values.reviewCadenceDays}
              onChange={(v) => setValues({ ...values, reviewCadenceDays: Number(v) || 0 })}
              error={fields.reviewCadenceDays}
            />
          </SimpleGrid>
          <Checkbox
            label="A director co-signs every plan"
            description="Plans signed by clinician and participant then wait for a director's co-signature."
            checked={values.cosignatureRequired}
            onChange={(e) => setValues({ ...values, cosignatureRequired: e.currentTarget.checked })}
          />
          {stale ? (
            <StaleChanges
              what="setting"
              fields={SETTING_FIELDS}
              base={base}
              current={stale}
              mine={values}
              busy={save.isPending}
              onReapply={() =>
                save.mutate(
                  { version: stale.version, body: values },
                  { onSuccess: (saved) => setBase(saved) },
                )
              }
              onUseCurrent={() => takeCurrent(stale)}
            />
          ) : Object.keys(fields).length === 0 ? (
            <ProblemAlert error={save.error} title="Not saved" />
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save plan rules
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function TemplateLibrary() {
  const queryClient = useQueryClient();
  const library = useQuery({
    queryKey: keys.library,
    queryFn: ({ signal }) =>
      request<{ items: PlanTemplate[] }>('/plan-templates', {
        query: { includeArchived: 'true' },
        signal,
      }).then((r) => r.items),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['plans', 'templates'] });
  const setActive = useMutation({
    mutationFn: (t: PlanTemplate) =>
      request<PlanTemplate>(`/plan-templates/${encodeURIComponent(t.id)}`, {
        method: 'PUT',
        version: t.version,
        body: { active: !t.active },
      }),
    onSettled: refresh,
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="template-library">
      <Title order={2} fz="lg" id="template-library" mb="xs">
        Template library
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Clinicians start plans from these; every problem, goal, objective and intervention stays editable in
        the plan. Archive a template to hide it from the list; plans made from it keep their content.
      </Text>
      <ProblemAlert error={library.error ?? setActive.error} title="Template library" />
      {library.isPending ? <PageLoader /> : null}
      {library.data ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Template</Table.Th>
                <Table.Th>Contents</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {library.data.map((t) => {
                const goals = t.content.problems.reduce((n, p) => n + p.goals.length, 0);
                const interventions = t.content.problems.reduce((n, p) => n + p.interventions.length, 0);
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td>
                      <Text fw={600}>{t.title}</Text>
                      <Text size="sm" c="dimmed">
                        {t.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {count(t.content.problems.length, 'problem')}, {count(goals, 'goal')},{' '}
                        {count(interventions, 'intervention')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t.active ? (
                        <Badge color="green" variant="light">
                          In use
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          {...(t.active ? { color: 'red' } : {})}
                          loading={setActive.isPending && setActive.variables?.id === t.id}
                          onClick={() => setActive.mutate(t)}
                        >
                          {t.active ? 'Archive' : 'Use again'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
