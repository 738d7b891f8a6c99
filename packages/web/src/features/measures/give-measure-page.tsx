import { Anchor, Button, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { MeasureForm, MeasureResult } from './measure-form';
import { type Administration, useInstrument, useInstruments, usePatientName } from './measures-api';
import { SelfReportLinkModal } from './self-report-link';

/** /patients/:id/measures/new?instrument=phq9 — enter a questionnaire's answers for a patient. */
export function GiveMeasurePage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const code = search.get('instrument') ?? 'phq9';
  const instruments = useInstruments();
  const instrument = useInstrument(code);
  const name = usePatientName(id);
  const [saved, setSaved] = useState<Administration | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [round, setRound] = useState(0);
  const chartUrl = `/patients/${id}/measures`;

  return (
    <>
      <PageHeader
        title={instrument.data ? `Give a ${instrument.data.shortTitle}` : 'Give a measure'}
        description={
          <>
            For <strong>{name.data ?? '…'}</strong>.{' '}
            <Anchor component={Link} to={chartUrl}>
              Back to their measures
            </Anchor>
          </>
        }
        actions={
          <Button variant="default" onClick={() => setLinkOpen(true)}>
            Send a self-report link instead
          </Button>
        }
      />
      <Stack gap="md" maw="62rem">
        {saved && instrument.data ? (
          <>
            <MeasureResult instrument={instrument.data} administration={saved} />
            <Group>
              <Button component={Link} to={chartUrl}>
                See the outcome chart
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setSaved(null);
                  setRound((n) => n + 1);
                }}
              >
                Give another questionnaire
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Select
              label="Questionnaire"
              data={(instruments.data ?? []).map((i) => ({ value: i.code, label: i.title }))}
              value={code}
              onChange={(value) => value && setSearch({ instrument: value }, { replace: true })}
              allowDeselect={false}
              maw={480}
            />
            <ProblemAlert
              error={instrument.error ?? instruments.error}
              title="The questionnaire could not be loaded"
            />
            {instrument.data ? (
              <MeasureForm
                key={`${code}-${round}`}
                patientId={id}
                instrument={instrument.data}
                onSaved={(administration) => {
                  setSaved(administration);
                  window.scrollTo({ top: 0 });
                }}
              />
            ) : instrument.isPending ? (
              <Skeleton h={400} />
            ) : null}
          </>
        )}
        {instrument.data?.licensedTextRequired ? (
          <Text size="sm" c="dimmed">
            This questionnaire shows short labels of our own; use your licensed paper form for the exact
            wording.
          </Text>
        ) : null}
      </Stack>
      <SelfReportLinkModal
        patientId={id}
        initial={code}
        opened={linkOpen}
        onClose={() => setLinkOpen(false)}
      />
    </>
  );
}
