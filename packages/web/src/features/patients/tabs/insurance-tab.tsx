import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { userCan } from '../../../app/navigation';
import { useUser } from '../../../app/session';
import { PageLoader } from '../../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../../ui/problem-alert';
import { CoverageItem } from '../../intake/inquiry-insurance';
import { useAddCoverage, useCoverages } from '../patients-api';
import type { TabProps } from './tab-placeholder';

export function InsuranceTab({ patientId }: TabProps) {
  const user = useUser();
  const coverages = useCoverages(patientId);
  const canManage = userCan(user, 'coverage.manage');
  const [adding, setAdding] = useState(false);
  if (coverages.isPending) return <PageLoader />;
  if (coverages.error) return <ProblemAlert error={coverages.error} />;
  const items = coverages.data ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="coverages-title">
      <Title order={2} fz="lg" id="coverages-title" mb="sm">
        Insurance coverages and benefit checks
      </Title>
      <Stack gap="sm">
        {items.map((c) => (
          <CoverageItem key={c.id} coverage={c} owner={{ patientId }} canCheck={canManage} />
        ))}
        {items.length === 0 ? (
          <Text c="dimmed">No insurance on file (self-pay, or not given yet).</Text>
        ) : null}
        {canManage ? (
          adding ? (
            <AddCoverage patientId={patientId} onDone={() => setAdding(false)} />
          ) : (
            <Group>
              <Button variant="default" size="xs" onClick={() => setAdding(true)}>
                Add insurance
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </Card>
  );
}

function AddCoverage({ patientId, onDone }: { patientId: string; onDone(): void }) {
  const add = useAddCoverage(patientId);
  const [v, setV] = useState({ payerName: '', planName: '', memberId: '', groupNumber: '' });
  const set = (k: keyof typeof v, value: string) => setV((s) => ({ ...s, [k]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        payerName: v.payerName.trim(),
        planName: v.planName.trim() || null,
        memberId: v.memberId.trim() || null,
        groupNumber: v.groupNumber.trim() || null,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add insurance">
      <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Insurance company"
            withAsterisk
            value={v.payerName}
            onChange={(e) => set('payerName', e.currentTarget.value)}
            error={fieldError(add.error, 'payerName')}
          />
          <TextInput
            label="Plan"
            value={v.planName}
            onChange={(e) => set('planName', e.currentTarget.value)}
          />
          <TextInput
            label="Member ID"
            value={v.memberId}
            onChange={(e) => set('memberId', e.currentTarget.value)}
          />
          <TextInput
            label="Group number"
            value={v.groupNumber}
            onChange={(e) => set('groupNumber', e.currentTarget.value)}
          />
        </SimpleGrid>
        <ProblemAlert error={add.error} shownFields={['payerName']} title="The insurance was not saved" />
        <Group>
          <Button type="submit" loading={add.isPending}>
            Save insurance
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
