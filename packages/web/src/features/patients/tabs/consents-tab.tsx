import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  CONSENT_KIND_LABELS,
  CONSENT_KINDS,
  type ConsentKind,
  DISCLOSING_KINDS,
  DISCLOSURE_PURPOSES,
  INFORMATION_KINDS,
  INFORMATION_LABELS,
  PURPOSE_LABELS,
} from '@trellis/domain';
import { type FormEvent, useState } from 'react';
import { userCan } from '../../../app/navigation';
import { useUser } from '../../../app/session';
import { formatDateTime, todayIso } from '../../../ui/format';
import { PageLoader } from '../../../ui/page-loader';
import { fieldError, ProblemAlert } from '../../../ui/problem-alert';
import {
  type Consent,
  type ConsentPreview,
  type ConsentTerms,
  useConsents,
  useCreateConsent,
  usePreviewConsent,
  useRevokeConsent,
} from '../patients-api';
import type { TabProps } from './tab-placeholder';

const STATUS_COLORS: Record<Consent['status'], string> = { active: 'green', revoked: 'red', expired: 'gray' };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function ConsentsTab({ patientId }: TabProps) {
  const user = useUser();
  const consents = useConsents(patientId);
  const canManage = userCan(user, 'consent.manage');
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  if (consents.isPending) return <PageLoader />;
  if (consents.error) return <ProblemAlert error={consents.error} />;
  const items = consents.data ?? [];
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" component="section" aria-labelledby="consents-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="consents-title">
            Consents
          </Title>
          {canManage && !creating ? <Button onClick={() => setCreating(true)}>New consent</Button> : null}
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed">No consents on file. Start with the consent to treatment.</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Consent</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Signed</Table.Th>
                  <Table.Th>Ends</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Text fw={500}>{c.title}</Text>
                      {c.recipient ? (
                        <Text size="xs" c="dimmed">
                          To {c.recipient.kind === 'named' ? c.recipient.name : c.recipient.description}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[c.status]} variant="light">
                        {c.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(c.signedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        by {c.signature.typedName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {c.revokedOn
                          ? `Revoked ${c.revokedOn}`
                          : c.expiresOn
                            ? `Expires ${c.expiresOn}`
                            : c.expiryEvent
                              ? 'At end of treatment'
                              : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor
                          href={`/api/v1/consents/${c.id}/printable`}
                          target="_blank"
                          rel="noopener"
                          size="sm"
                          aria-label={`Printable view of ${c.title}`}
                        >
                          Print
                        </Anchor>
                        {canManage && c.status === 'active' ? (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(c)}>
                            Revoke…
                          </Button>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {creating ? <NewConsent patientId={patientId} onDone={() => setCreating(false)} /> : null}
      {revoking ? (
        <RevokeDialog patientId={patientId} consent={revoking} onClose={() => setRevoking(null)} />
      ) : null}
    </Stack>
  );
}

function NewConsent({ patientId, onDone }: { patientId: string; onDone(): void }) {
  const preview = usePreviewConsent(patientId);
  const create = useCreateConsent(patientId);
  const [kind, setKind] = useState<ConsentKind>('treatment');
  const [recipient, setRecipient] = useState('');
  const [purposes, setPurposes] = useState<string[]>([]);
  const [information, setInformation] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const [shown, setShown] = useState<{ terms: ConsentTerms; text: ConsentPreview } | null>(null);
  const [signerRole, setSignerRole] = useState<'patient' | 'guardian'>('patient');
  const [typedName, setTypedName] = useState('');
  const discloses = DISCLOSING_KINDS.includes(kind);

  const terms = (): ConsentTerms => ({
    kind,
    ...(discloses
      ? {
          recipient: recipient.trim() ? { kind: 'named' as const, name: recipient.trim() } : null,
          purposes: purposes as ConsentTerms['purposes'],
          informationKinds: information as ConsentTerms['informationKinds'],
          expiresOn: expiresOn || null,
          expiryEvent: expiresOn ? null : ('end_of_treatment' as const),
        }
      : {}),
  });

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const t = terms();
    preview.mutate(t, { onSuccess: (text) => setShown({ terms: t, text }) });
  };
  const onSign = (event: FormEvent) => {
    event.preventDefault();
    if (!shown) return;
    create.mutate(
      {
        ...shown.terms,
        signature: { signerRole, method: 'in_person', typedName: typedName.trim() },
        shownTextHash: shown.text.textHash,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="new-consent-title">
      <Title order={2} fz="lg" id="new-consent-title" mb="sm">
        New consent
      </Title>
      {!shown ? (
        <form onSubmit={onPreview} noValidate>
          <Stack gap="sm">
            <Select
              label="Kind of consent"
              data={CONSENT_KINDS.map((k) => ({ value: k, label: CONSENT_KIND_LABELS[k] }))}
              value={kind}
              onChange={(k) => k && setKind(k as ConsentKind)}
              allowDeselect={false}
            />
            {discloses ? (
              <>
                <TextInput
                  label="Recipient (person or organization)"
                  withAsterisk
                  value={recipient}
                  onChange={(e) => setRecipient(e.currentTarget.value)}
                  error={fieldError(preview.error, 'recipient')}
                />
                <Checkbox.Group
                  label="Purposes"
                  value={purposes}
                  onChange={setPurposes}
                  error={fieldError(preview.error, 'purposes')}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                    {DISCLOSURE_PURPOSES.map((p) => (
                      <Checkbox key={p} value={p} label={capital(PURPOSE_LABELS[p])} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
                <Checkbox.Group
                  label="What may be disclosed"
                  value={information}
                  onChange={setInformation}
                  error={fieldError(preview.error, 'informationKinds')}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
                    {INFORMATION_KINDS.map((k) => (
                      <Checkbox key={k} value={k} label={capital(INFORMATION_LABELS[k])} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
                <TextInput
                  type="date"
                  label="Expires on"
                  description="Leave empty: it ends when treatment in this program ends."
                  value={expiresOn}
                  onChange={(e) => setExpiresOn(e.currentTarget.value)}
                  error={fieldError(preview.error, 'expiresOn')}
                />
              </>
            ) : null}
            <ProblemAlert
              error={preview.error}
              shownFields={['recipient', 'purposes', 'informationKinds', 'expiresOn']}
            />
            <Group>
              <Button type="submit" loading={preview.isPending}>
                Show the text to sign
              </Button>
              <Button variant="default" onClick={onDone}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={onSign} noValidate>
          <Stack gap="sm">
            <Text size="sm">Give the patient the screen to read. They sign by typing their full name.</Text>
            <Paper withBorder p="md" bg="gray.0">
              <Title order={3} fz="md" mb="xs">
                {shown.text.title}
              </Title>
              {shown.text.paragraphs.map((p) => (
                <Text key={p} size="sm" mb="xs">
                  {p}
                </Text>
              ))}
            </Paper>
            <Radio.Group
              label="Who signs?"
              value={signerRole}
              onChange={(r) => setSignerRole(r as 'patient')}
            >
              <Group mt={4}>
                <Radio value="patient" label="The patient" />
                <Radio value="guardian" label="A parent or legal guardian" />
              </Group>
            </Radio.Group>
            <TextInput
              label="Signer’s full name, typed by the signer"
              withAsterisk
              value={typedName}
              onChange={(e) => setTypedName(e.currentTarget.value)}
              error={fieldError(create.error, 'signature') ?? fieldError(create.error, 'typedName')}
            />
            <ProblemAlert error={create.error} shownFields={['signature', 'typedName']} title="Not signed" />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!typedName.trim()}>
                Sign in person
              </Button>
              <Button variant="default" onClick={() => setShown(null)}>
                Back to the terms
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function RevokeDialog({
  patientId,
  consent,
  onClose,
}: {
  patientId: string;
  consent: Consent;
  onClose(): void;
}) {
  const revoke = useRevokeConsent(patientId);
  const [via, setVia] = useState<string>('in_writing');
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  return (
    <Modal opened onClose={onClose} title={`Revoke “${consent.title}”?`}>
      <Stack>
        <Text size="sm">
          From now on it no longer covers new disclosures. What was already disclosed stays disclosed.
        </Text>
        <Select
          label="How did the patient revoke it?"
          data={[
            { value: 'in_writing', label: 'In writing' },
            { value: 'verbal', label: 'Verbally' },
            { value: 'portal', label: 'Patient portal' },
            { value: 'email', label: 'Email' },
            { value: 'mail', label: 'Mail' },
          ]}
          value={via}
          onChange={(v) => v && setVia(v)}
          allowDeselect={false}
        />
        <TextInput type="date" label="Revoked on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        <Textarea label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ProblemAlert error={revoke.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate(
                {
                  id: consent.id,
                  body: {
                    receivedVia: via as 'in_writing',
                    revokedOn: on || undefined,
                    ...(note.trim() ? { note: note.trim() } : {}),
                  },
                },
                { onSuccess: onClose },
              )
            }
          >
            Revoke consent
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
