import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../ui/problem-alert';
import { DueNote } from './plan-status-card';
import { type PlanDue, type PlanTemplate, usePlanTemplates, useStartPlan } from './plans-api';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The episode's diagnoses that a template's problems would link to (by ICD-10-CM prefix). */
function matchingCodes(template: PlanTemplate, diagnosisCodes: readonly string[]): string[] {
  const prefixes = template.content.problems.flatMap((p) => p.link.diagnosisPrefixes);
  return diagnosisCodes.filter((code) => prefixes.some((prefix) => code.startsWith(prefix)));
}

/**
 * No plan yet: start it from the library (one or more templates, e.g. depression and alcohol
 * use) or blank. Everything a template fills in stays editable.
 */
export function StartPlan({
  episodeId,
  due,
  canWrite,
  diagnosisCodes,
}: {
  episodeId: string;
  due: PlanDue | null;
  canWrite: boolean;
  diagnosisCodes: readonly string[];
}) {
  const templates = usePlanTemplates();
  const start = useStartPlan(episodeId);
  const [chosen, setChosen] = useState<string[]>([]);
  // Templates that fit the episode's diagnoses first, the rest as the library orders them.
  const sorted = (templates.data ?? [])
    .map((template) => ({ template, codes: matchingCodes(template, diagnosisCodes) }))
    .sort((a, b) => Number(b.codes.length > 0) - Number(a.codes.length > 0));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="start-plan-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="xl" id="start-plan-title">
              Start the plan
            </Title>
            <Text size="sm" c="dimmed" maw="44rem">
              There is no treatment plan for this episode yet. Pick the templates that fit what the assessment
              found: they fill in problems, goals, measurable objectives with target dates, and interventions
              with the primary clinician as responsible. Then change anything in the participant’s words.
            </Text>
          </div>
          {due ? <DueNote due={due} /> : null}
        </Group>
        <ProblemAlert error={templates.error} title="The template library could not be loaded" />
        {templates.isPending ? <Skeleton h={160} /> : null}
        {templates.data ? (
          <Checkbox.Group label="Templates from the library" value={chosen} onChange={setChosen}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
              {sorted.map(({ template: t, codes }) => (
                <Checkbox.Card key={t.id} value={t.id} radius="md" p="md" withBorder aria-label={t.title}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Checkbox.Indicator />
                    <div>
                      <Group gap={6}>
                        <Text fw={600}>{t.title}</Text>
                        {codes.length > 0 ? (
                          <Badge size="sm" color="teal" variant="light" tt="none">
                            Fits {codes.join(', ')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="sm" c="dimmed" lineClamp={3}>
                        {t.description}
                      </Text>
                      <Text size="xs" c="dimmed" mt={4}>
                        {plural(t.content.problems.length, 'problem', 'problems')},{' '}
                        {plural(
                          t.content.problems.reduce((n, p) => n + p.goals.length, 0),
                          'goal',
                          'goals',
                        )}
                        ,{' '}
                        {plural(
                          t.content.problems.reduce((n, p) => n + p.interventions.length, 0),
                          'intervention',
                          'interventions',
                        )}
                      </Text>
                    </div>
                  </Group>
                </Checkbox.Card>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        ) : null}
        <ProblemAlert error={start.error} title="The plan was not started" />
        {canWrite ? (
          <Group gap="sm">
            <Button
              onClick={() => start.mutate(chosen)}
              loading={start.isPending && chosen.length > 0}
              disabled={chosen.length === 0 || start.isPending}
            >
              {chosen.length === 0
                ? 'Start from the chosen templates'
                : `Start from ${chosen.length} ${chosen.length === 1 ? 'template' : 'templates'}`}
            </Button>
            <Button
              variant="default"
              onClick={() => start.mutate([])}
              loading={start.isPending && chosen.length === 0}
              disabled={start.isPending}
            >
              Start a blank plan
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            A clinician starts the plan.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
