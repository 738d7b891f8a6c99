import {
  Button,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldError, ProblemAlert } from '../../ui/problem-alert';
import { type BenefitCheckBody, type Coverage, useRecordBenefitCheck } from './intake-api';

type Tri = '' | 'yes' | 'no';
const tri = (v: Tri): boolean | null => (v === '' ? null : v === 'yes');
const cents = (dollars: number | string) =>
  dollars === '' || dollars === undefined ? null : Math.round(Number(dollars) * 100);

function TriQuestion(props: { label: string; value: Tri; onChange(v: Tri): void; unknownLabel?: string }) {
  return (
    <Radio.Group label={props.label} value={props.value} onChange={(v) => props.onChange(v as Tri)}>
      <Group mt={4} gap="md">
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
        <Radio value="" label={props.unknownLabel ?? 'Not asked'} />
      </Group>
    </Radio.Group>
  );
}

/** What the coordinator found out by phone or on the payer's portal, in the payer's own terms. */
export function BenefitCheckForm({
  coverage,
  owner,
  onDone,
  onCancel,
}: {
  coverage: Coverage;
  owner: { inquiryId?: string; patientId?: string };
  onDone(): void;
  onCancel(): void;
}) {
  const record = useRecordBenefitCheck(owner);
  const [source, setSource] = useState<'phone' | 'portal'>('phone');
  const [active, setActive] = useState<'yes' | 'no'>('yes');
  const [network, setNetwork] = useState<string>('in_network');
  const [mh, setMh] = useState<Tri>('yes');
  const [su, setSu] = useState<Tri>('');
  const [deductible, setDeductible] = useState<number | string>('');
  const [deductibleMet, setDeductibleMet] = useState<number | string>('');
  const [oopMax, setOopMax] = useState<number | string>('');
  const [copay, setCopay] = useState<number | string>('');
  const [coinsurance, setCoinsurance] = useState<number | string>('');
  const [priorAuth, setPriorAuth] = useState<Tri>('');
  const [reference, setReference] = useState('');
  const [notes, setNotes] = useState('');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: BenefitCheckBody = {
      source,
      coverageActive: active === 'yes',
      network: network as BenefitCheckBody['network'],
      mentalHealth: { iopCovered: tri(mh) },
      substanceUse: { iopCovered: tri(su) },
      deductibleCents: cents(deductible),
      deductibleMetCents: cents(deductibleMet),
      outOfPocketMaxCents: cents(oopMax),
      copayCents: cents(copay),
      coinsurancePercent: coinsurance === '' ? null : Number(coinsurance),
      priorAuthRequired: tri(priorAuth),
      referenceNumber: reference.trim() || null,
      notes: notes.trim() || null,
    };
    record.mutate({ coverageId: coverage.id, body }, { onSuccess: onDone });
  };
  const err = (f: string) => fieldError(record.error, f);
  const money = (label: string, value: number | string, set: (v: number | string) => void, field: string) => (
    <NumberInput
      label={label}
      prefix="$"
      min={0}
      decimalScale={2}
      thousandSeparator=","
      value={value}
      onChange={set}
      error={err(field)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Benefit check for ${coverage.payerName}`}>
      <Stack gap="md" p="md" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
        <Text fw={600}>Record a benefit check: {coverage.payerName}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Checked by"
            data={[
              { value: 'phone', label: 'Phone call to the payer' },
              { value: 'portal', label: 'Payer’s web portal' },
            ]}
            value={source}
            onChange={(v) => v && setSource(v as 'phone')}
            allowDeselect={false}
          />
          <Select
            label="Coverage active?"
            data={[
              { value: 'yes', label: 'Active' },
              { value: 'no', label: 'Not active' },
            ]}
            value={active}
            onChange={(v) => v && setActive(v as 'yes')}
            allowDeselect={false}
          />
          <Select
            label="Network"
            data={[
              { value: 'in_network', label: 'In network' },
              { value: 'out_of_network', label: 'Out of network' },
              { value: 'unknown', label: 'Unknown' },
            ]}
            value={network}
            onChange={(v) => v && setNetwork(v)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TriQuestion label="IOP covered for mental health?" value={mh} onChange={setMh} />
          <TriQuestion label="IOP covered for substance use?" value={su} onChange={setSu} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {money('Deductible', deductible, setDeductible, 'deductibleCents')}
          {money('Deductible met', deductibleMet, setDeductibleMet, 'deductibleMetCents')}
          {money('Out-of-pocket max', oopMax, setOopMax, 'outOfPocketMaxCents')}
          {money('Copay per day', copay, setCopay, 'copayCents')}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label="Coinsurance"
            suffix="%"
            min={0}
            max={100}
            value={coinsurance}
            onChange={setCoinsurance}
            error={err('coinsurancePercent')}
          />
          <TriQuestion
            label="Prior authorization required?"
            value={priorAuth}
            onChange={setPriorAuth}
            unknownLabel="Unknown"
          />
          <TextInput
            label="Call reference number"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={err('referenceNumber')}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={1}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <ProblemAlert error={record.error} title="The benefit check was not saved" />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Save benefit check
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
