import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LEVEL_OF_CARE_LABEL } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { todayIso } from '../../ui/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { messageFor } from '../get-started/get-started-api';
import { DuplicateCandidates } from '../patients/duplicate-candidates';
import { DiagnosisPicker } from './diagnosis-picker';
import {
  type AdmitBody,
  type DiagnosisCode,
  duplicateCandidates,
  type InquiryDetail,
  useAdmit,
  useClinicians,
  useConvert,
  useTracks,
} from './intake-api';

export function AdmitSection({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  if (inquiry.stage === 'admitted' || inquiry.stage === 'closed') {
    return null;
  }
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="admit-title">
      <Title order={2} fz="lg" id="admit-title" mb="sm">
        Register and admit
      </Title>
      <Stack gap="lg">
        <ConvertBlock inquiry={inquiry} canManage={canManage} />
        <AdmitForm inquiry={inquiry} canManage={canManage} />
      </Stack>
    </Card>
  );
}

function ConvertBlock({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const convert = useConvert(inquiry.id);
  const candidates = duplicateCandidates(convert.error);
  if (inquiry.patientId) {
    return (
      <Text>
        Registered as a patient.{' '}
        <Anchor component={Link} to={`/patients/${inquiry.patientId}`}>
          Open the patient’s record
        </Anchor>
      </Text>
    );
  }
  const blocked = inquiry.dateOfBirth ? null : 'Add their date of birth under “Contact and details” first.';
  return (
    <Stack gap="xs">
      <Text size="sm">
        Registering creates the patient record (with an MRN) from this inquiry, and moves their insurance to
        it. Admitting below does this too if you have not.
      </Text>
      {candidates ? (
        <DuplicateCandidates
          candidates={candidates}
          busy={convert.isPending}
          onUseExisting={(p) => convert.mutate({ existingPatientId: p.id })}
          onConfirmNew={() => convert.mutate({ confirmNotDuplicate: true })}
        />
      ) : (
        <ProblemAlert error={convert.error} title="Not registered" />
      )}
      {canManage && !candidates ? (
        <Group gap="sm" align="center">
          <Button
            variant="default"
            disabled={blocked !== null}
            loading={convert.isPending}
            onClick={() => convert.mutate({})}
            aria-describedby={blocked ? 'convert-blocked' : undefined}
          >
            Convert to patient
          </Button>
          {blocked ? (
            <Text size="sm" c="dimmed" id="convert-blocked">
              {blocked}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function AdmitForm({ inquiry, canManage }: { inquiry: InquiryDetail; canManage: boolean }) {
  const admit = useAdmit(inquiry.id);
  const tracks = useTracks();
  const clinicians = useClinicians();
  const navigate = useNavigate();
  const [trackId, setTrackId] = useState<string | null>(null);
  const [admissionDate, setAdmissionDate] = useState(todayIso());
  const [clinicianId, setClinicianId] = useState<string | null>(null);
  const [diagnoses, setDiagnoses] = useState<DiagnosisCode[]>([]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const candidates = duplicateCandidates(admit.error);

  const ready = inquiry.stage === 'assessment_booked';
  const blocked = ready
    ? inquiry.patientId || inquiry.dateOfBirth
      ? null
      : 'Add their date of birth under “Contact and details” first.'
    : 'Admission comes after the assessment is booked (the next steps above).';

  const submit = (extra: Pick<AdmitBody, 'existingPatientId' | 'confirmNotDuplicate'> = {}) => {
    const gaps: Record<string, string> = {};
    if (!trackId) gaps.trackId = 'Choose the track.';
    if (!clinicianId) gaps.primaryClinicianId = 'Choose the primary clinician.';
    setMissing(gaps);
    if (!trackId || !clinicianId) return;
    const body: AdmitBody = {
      ...extra,
      admission: {
        trackId,
        admissionDate,
        primaryClinicianId: clinicianId,
        diagnoses: diagnoses.map((d, i) => ({ code: d.code, primary: i === 0 })),
      },
    };
    admit.mutate(body, {
      onSuccess: (result) => {
        notifications.show({
          color: 'green',
          title: 'Admitted',
          message: `${inquiry.firstName} ${inquiry.lastName} is admitted. This is their chart.`,
        });
        void navigate(`/patients/${result.patientId}`);
      },
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  const err = (field: string) =>
    missing[field] ?? messageFor(admit.error, `admission.${field}`) ?? messageFor(admit.error, field);
  const trackOptions = (tracks.data ?? [])
    .filter((t) => t.status === 'active')
    .map((t) => ({
      value: t.id,
      label: `${t.name} (${LEVEL_OF_CARE_LABEL[t.levelOfCare] ?? t.levelOfCare}, ${t.census.open}/${t.capacity} places taken)`,
    }));

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Admit into a track">
      <fieldset disabled={!canManage || blocked !== null} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <Title order={3} fz="md">
            Admit into a track
          </Title>
          {blocked ? (
            <Text size="sm" c="dimmed">
              {blocked}
            </Text>
          ) : null}
          <Select
            label="Track"
            withAsterisk
            placeholder={tracks.isPending ? 'Loading…' : 'Choose a track'}
            data={trackOptions}
            value={trackId}
            onChange={setTrackId}
            error={err('trackId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Admission date"
              type="date"
              withAsterisk
              value={admissionDate}
              onChange={(e) => setAdmissionDate(e.currentTarget.value)}
              error={err('admissionDate')}
            />
            <Select
              label="Primary clinician"
              withAsterisk
              placeholder={clinicians.isPending ? 'Loading…' : 'Choose'}
              data={(clinicians.data ?? []).map((c) => ({
                value: c.id,
                label: c.credentials ? `${c.displayName}, ${c.credentials}` : c.displayName,
              }))}
              value={clinicianId}
              onChange={setClinicianId}
              searchable
              error={err('primaryClinicianId')}
            />
          </SimpleGrid>
          <DiagnosisPicker value={diagnoses} onChange={setDiagnoses} error={err('diagnoses')} />
          {candidates ? (
            <DuplicateCandidates
              candidates={candidates}
              busy={admit.isPending}
              onUseExisting={(p) => submit({ existingPatientId: p.id })}
              onConfirmNew={() => submit({ confirmNotDuplicate: true })}
            />
          ) : (
            <ProblemAlert
              error={admit.error}
              shownFields={['trackId', 'admissionDate', 'primaryClinicianId', 'diagnoses']}
              title="Not admitted"
            />
          )}
          {canManage ? (
            <Group>
              <Button type="submit" loading={admit.isPending} disabled={blocked !== null}>
                Admit and open the chart
              </Button>
            </Group>
          ) : null}
        </Stack>
      </fieldset>
    </form>
  );
}
