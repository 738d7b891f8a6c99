import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { CopyableLink } from '../../ui/copyable-link';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { type InstrumentCode, useInstruments, useIssueMeasureLink } from './measures-api';

interface Props {
  patientId: string;
  initial?: string | null;
  opened: boolean;
  onClose: () => void;
}

const EXPIRY = [
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days (the longest)' },
];

/** Issues a one-time link for the patient to answer questionnaires on their own phone. */
export function SelfReportLinkModal({ patientId, initial, opened, onClose }: Props) {
  const instruments = useInstruments();
  const issue = useIssueMeasureLink(patientId);
  const [chosen, setChosen] = useState<string[]>(initial ? [initial] : ['phq9']);
  const [hours, setHours] = useState('72');
  const link = issue.data;
  const url = link ? `${window.location.origin}${link.path}` : '';

  function close() {
    issue.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Send a self-report link" size="lg">
      {link ? (
        <Stack>
          <Alert color="teal" variant="light" title="Link ready">
            Copy it into a text or email to the patient now: it is shown only once. It works once, on any
            phone, without an account, until {formatDateTime(link.expiresAt)}.
          </Alert>
          <CopyableLink label="Link for the patient" url={url} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Checkbox.Group label="Questionnaires to include" value={chosen} onChange={setChosen} withAsterisk>
            <Stack gap={6} mt={6}>
              {(instruments.data ?? []).map((instrument) => (
                <Checkbox key={instrument.code} value={instrument.code} label={instrument.title} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label="The link stops working after"
            data={EXPIRY}
            value={hours}
            onChange={(value) => setHours(value ?? '72')}
            allowDeselect={false}
            maw={260}
          />
          <ProblemAlert error={issue.error} title="No link was made" />
          <Text size="sm" c="dimmed">
            Answers that show risk alert the care team at once, as they do when entered here.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              loading={issue.isPending}
              disabled={chosen.length === 0}
              onClick={() =>
                issue.mutate({ instruments: chosen as InstrumentCode[], expiresInHours: Number(hours) })
              }
            >
              Make the link
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
