import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { PLAN_PARTICIPANT_ATTESTATION } from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { useUser } from '../../app/session';
import { CopyableLink } from '../../ui/copyable-link';
import { formatDateTime } from '../../ui/format';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type TreatmentPlan, useIssuePlanLink, usePlanAction } from './plans-api';

interface StaffSignProps {
  episodeId: string;
  plan: TreatmentPlan;
  as: 'sign' | 'cosign';
  opened: boolean;
  onClose(): void;
}

/** The clinician signs (or a supervisor co-signs): typed name and password, as on every signed record. */
export function StaffSignDialog({ episodeId, plan, as, opened, onClose }: StaffSignProps) {
  const user = useUser();
  const action = usePlanAction(episodeId, plan);
  const [typedName, setTypedName] = useState('');
  const [password, setPassword] = useState('');
  const close = () => {
    action.reset();
    setPassword('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ kind: as, body: { typedName, password } }, { onSuccess: close });
  };
  const n = plan.current.number;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={as === 'sign' ? `Sign version ${n} as the clinician` : `Co-sign version ${n} as supervisor`}
      size="md"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            {as === 'sign'
              ? 'Signing freezes this version: after it, changes start a new version. The participant signs next.'
              : 'Your co-signature stands behind the clinician’s signature on this version.'}
          </Text>
          <TextInput
            label="Type your full name"
            placeholder={user.displayName}
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
            error={fieldError(action.error, 'typedName')}
            autoComplete="off"
            data-autofocus
          />
          <PasswordInput
            label="Your password"
            description="The one you sign in with: it confirms that it is you."
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(action.error, 'password')}
            autoComplete="current-password"
          />
          <ProblemAlert
            error={action.error}
            shownFields={['typedName', 'password']}
            title={as === 'sign' ? 'The plan was not signed' : 'The plan was not co-signed'}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={action.isPending}>
              {as === 'sign' ? 'Sign the plan' : 'Co-sign the plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ParticipantProps {
  episodeId: string;
  plan: TreatmentPlan;
  patientName: string;
  opened: boolean;
  onClose(): void;
}

/** The participant signs here, in front of the clinician, by typing their name. */
export function ParticipantSignDialog({ episodeId, plan, patientName, opened, onClose }: ParticipantProps) {
  const action = usePlanAction(episodeId, plan);
  const [typedName, setTypedName] = useState('');
  const [signerRole, setSignerRole] = useState<'patient' | 'guardian'>('patient');
  const close = () => {
    action.reset();
    setTypedName('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(
      { kind: 'participant', body: { signerRole, method: 'in_person', typedName } },
      { onSuccess: close },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="The participant signs in person" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Hand the screen to {patientName} (or their parent or guardian) after going through the plan
            together.
          </Text>
          <Alert color="gray" variant="light" title="What they agree to">
            {PLAN_PARTICIPANT_ATTESTATION}
          </Alert>
          <Radio.Group
            label="Who signs"
            value={signerRole}
            onChange={(value) => setSignerRole(value as 'patient' | 'guardian')}
          >
            <Group mt={6}>
              <Radio value="patient" label={`${patientName} (the participant)`} />
              <Radio value="guardian" label="A parent, guardian or legal representative" />
            </Group>
          </Radio.Group>
          <TextInput
            label="Type your full name to sign"
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
            error={fieldError(action.error, 'typedName')}
            autoComplete="off"
            size="md"
            data-autofocus
          />
          <ProblemAlert
            error={action.error}
            shownFields={['typedName']}
            title="The signature was not recorded"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={action.isPending}>
              Sign the plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const EXPIRY = [
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
  { value: '336', label: '14 days (the longest)' },
];

/** A one-time link for the participant to read and sign the plan on their own phone. */
export function PlanLinkModal({
  plan,
  opened,
  onClose,
}: {
  plan: TreatmentPlan;
  opened: boolean;
  onClose(): void;
}) {
  const issue = useIssuePlanLink(plan.id);
  const [hours, setHours] = useState('72');
  const link = issue.data;
  const url = link ? `${window.location.origin}${link.path}` : '';
  const close = () => {
    issue.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Send a signing link" size="lg">
      {link ? (
        <Stack>
          <Alert color="teal" variant="light" title="Link ready">
            Copy it into a text or email to the participant now: it is shown only once. It opens version{' '}
            {link.versionNumber} of the plan on any phone, without an account, once, until{' '}
            {formatDateTime(link.expiresAt)}. Changing the plan before they sign makes the link stop working.
          </Alert>
          <CopyableLink label="Link for the participant" url={url} testId="plan-link" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm">
            The participant reads the plan on their phone and signs by typing their name. You see the
            signature here as soon as they sign.
          </Text>
          <Select
            label="The link stops working after"
            data={EXPIRY}
            value={hours}
            onChange={(value) => setHours(value ?? '72')}
            allowDeselect={false}
            maw={260}
          />
          <ProblemAlert error={issue.error} title="No link was made" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button loading={issue.isPending} onClick={() => issue.mutate(Number(hours))}>
              Make the link
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
