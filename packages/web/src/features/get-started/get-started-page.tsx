import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Checkbox,
  Collapse,
  Container,
  Group,
  List,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ShieldIcon } from '../../ui/icons';
import { Logo } from '../../ui/logo';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import {
  type GetStarted,
  messageFor,
  type PublicInquiryAccepted,
  type PublicInquiryBody,
  useGetStarted,
  useSendInquiry,
} from './get-started-api';

type ContactMethod = PublicInquiryBody['preferredContactMethod'];
type HelpWanted = PublicInquiryBody['helpWanted'];
type Schedule = NonNullable<PublicInquiryBody['preferredSchedule']>[number];
type Relationship = NonNullable<NonNullable<PublicInquiryBody['insurance']>['relationship']>;

interface Values {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  preferredContactMethod: ContactMethod | '';
  helpWanted: HelpWanted | '';
  preferredSchedule: Schedule[];
  hasInsurance: boolean;
  payerName: string;
  memberId: string;
  subscriberName: string;
  subscriberDateOfBirth: string;
  relationship: Relationship | '';
  consentToContact: boolean;
  website: string;
}

const EMPTY: Values = {
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  preferredContactMethod: '',
  helpWanted: '',
  preferredSchedule: [],
  hasInsurance: false,
  payerName: '',
  memberId: '',
  subscriberName: '',
  subscriberDateOfBirth: '',
  relationship: '',
  consentToContact: false,
  website: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The mistakes we can tell before sending, worded like the server's. */
function checkLocally(v: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.firstName.trim()) errors.firstName = 'Enter your first name.';
  if (!v.lastName.trim()) errors.lastName = 'Enter your last name.';
  const digits = v.phone.replace(/\D/g, '');
  if (v.phone.trim() && !(digits.length === 10 || (digits.length === 11 && digits.startsWith('1')))) {
    errors.phone = 'Enter a 10-digit US phone number, such as 555-010-0123.';
  }
  if (v.email.trim() && !EMAIL.test(v.email.trim()))
    errors.email = 'Enter an email address such as name@example.com.';
  if (!v.phone.trim() && !v.email.trim()) {
    errors.phone = 'Give a phone number or an email address, so we can reach you.';
  }
  if (!v.preferredContactMethod) errors.preferredContactMethod = 'Choose how we should contact you.';
  else if ((v.preferredContactMethod === 'phone' || v.preferredContactMethod === 'text') && !v.phone.trim()) {
    errors.preferredContactMethod = 'Calls and texts need a phone number: add one above, or choose email.';
  } else if (v.preferredContactMethod === 'email' && !v.email.trim()) {
    errors.preferredContactMethod = 'Email needs an email address: add one above, or choose phone.';
  }
  if (!v.helpWanted) errors.helpWanted = 'Choose what you would like help with (“Not sure yet” is fine).';
  if (v.hasInsurance && !v.payerName.trim()) {
    errors['insurance.payerName'] = 'Enter the insurance company name, or untick “I have health insurance”.';
  }
  if (!v.consentToContact)
    errors.consentToContact = 'Tick the box to let us contact you: without it we cannot call you back.';
  return errors;
}

function bodyOf(v: Values): PublicInquiryBody {
  const body: PublicInquiryBody = {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    phone: v.phone.trim() || undefined,
    email: v.email.trim() || undefined,
    preferredContactMethod: v.preferredContactMethod as ContactMethod,
    helpWanted: v.helpWanted as HelpWanted,
    preferredSchedule: v.preferredSchedule,
    consentToContact: v.consentToContact as true,
  };
  if (v.website) body.website = v.website;
  if (v.hasInsurance) {
    body.insurance = {
      payerName: v.payerName.trim(),
      memberId: v.memberId.trim() || undefined,
      subscriberName: v.subscriberName.trim() || undefined,
      subscriberDateOfBirth: v.subscriberDateOfBirth || undefined,
      relationship: v.relationship || undefined,
    };
  }
  return body;
}

/** The public front door: no sign-in. Someone worried about themselves or a loved one asks for a call. */
export function GetStartedPage() {
  const info = useGetStarted();
  useEffect(() => {
    document.title = info.data ? `Get started · ${info.data.organization.name}` : 'Get started';
  }, [info.data]);

  return (
    <Box bg="gray.0" mih="100vh">
      <Box
        component="header"
        bg="white"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Container size="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Logo size={26} />
            </Group>
            {info.data?.organization.phone ? (
              <Anchor href={`tel:${info.data.organization.phone}`} fw={600} size="sm">
                Call {info.data.organization.phone}
              </Anchor>
            ) : null}
          </Group>
        </Container>
      </Box>
      <Container size="sm" py="lg" px="md" component="main">
        <CrisisBanner />
        {info.isPending ? (
          <PageLoader />
        ) : info.error || !info.data ? (
          <Box mt="lg">
            <ProblemAlert error={info.error} title="This page could not be loaded" />
          </Box>
        ) : (
          <GetStartedContent info={info.data} />
        )}
      </Container>
    </Box>
  );
}

function CrisisBanner() {
  return (
    <Alert
      color="red"
      variant="light"
      radius="md"
      title="In crisis or thinking about suicide? Don’t wait for us to call."
      aria-label="Crisis help"
      mb="lg"
    >
      <Text size="md">
        Call or text{' '}
        <Anchor href="tel:988" fw={700} c="red.9">
          988
        </Anchor>{' '}
        (Suicide &amp; Crisis Lifeline), any time, day or night. If someone is in immediate danger, call{' '}
        <Anchor href="tel:911" fw={700} c="red.9">
          911
        </Anchor>
        .
      </Text>
    </Alert>
  );
}

function GetStartedContent({ info }: { info: GetStarted }) {
  const [sent, setSent] = useState<PublicInquiryAccepted | null>(null);
  if (sent) return <NextSteps info={info} sent={sent} />;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1} fz={{ base: 28, sm: 34 }}>
          Get started with {info.organization.name}
        </Title>
        <Text size="lg">
          Our intensive outpatient program helps adults who need more than a weekly therapy session but can
          keep living at home: for depression, anxiety, trauma, alcohol or drug use, or both together.
        </Text>
        <Text c="dimmed">
          Groups meet 3 to 5 days a week for about 3 hours, in the morning, in the evening or online. Tell us
          a little about yourself and someone from our intake team will contact you, usually within one
          business day. It is free to ask and you are not committing to anything.
        </Text>
      </Stack>
      <InquiryForm info={info} onSent={setSent} />
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="trellis" size="md" radius="xl">
          <ShieldIcon size={16} />
        </ThemeIcon>
        <Text size="sm" c="dimmed">
          What you write goes only to our intake team, over an encrypted connection. We ask only what we need
          to call you back and check your insurance benefits.
        </Text>
      </Group>
    </Stack>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
      <Box component="legend" p={0} mb={4}>
        <Title order={2} fz="lg">
          {title}
        </Title>
        {hint ? (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        ) : null}
      </Box>
      {children}
    </Stack>
  );
}

function InquiryForm({ info, onSent }: { info: GetStarted; onSent(sent: PublicInquiryAccepted): void }) {
  const send = useSendInquiry();
  const [values, setValues] = useState<Values>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const max = (field: string, fallback: number) => info.maxLengths[field] ?? fallback;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setLocal((errors) => {
      if (!errors[key as string]) return errors;
      const { [key as string]: _, ...rest } = errors;
      return rest;
    });
  };
  const error = (field: string) => local[field] ?? messageFor(send.error, field);

  const focusFirstError = () => {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>(
        '[aria-invalid="true"], [data-error-anchor]',
      );
      invalid?.focus();
      invalid?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = checkLocally(values);
    setLocal(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstError();
      return;
    }
    send.mutate(bodyOf(values), {
      onSuccess: (answer) => {
        window.scrollTo({ top: 0 });
        onSent(answer);
      },
      onError: focusFirstError,
    });
  };

  const fieldNames = [
    'firstName',
    'lastName',
    'phone',
    'email',
    'preferredContactMethod',
    'helpWanted',
    'preferredSchedule',
    'consentToContact',
  ];
  const localCount = Object.keys(local).length;

  return (
    <Card withBorder radius="md" padding="lg" shadow="xs">
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Ask us to contact you">
        <Stack gap="xl">
          <Section title="How can we reach you?" hint="A phone number, an email address, or both.">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput
                size="md"
                label="First name"
                withAsterisk
                autoComplete="given-name"
                value={values.firstName}
                maxLength={max('firstName', 60)}
                onChange={(e) => set('firstName', e.currentTarget.value)}
                error={error('firstName')}
              />
              <TextInput
                size="md"
                label="Last name"
                withAsterisk
                autoComplete="family-name"
                value={values.lastName}
                maxLength={max('lastName', 60)}
                onChange={(e) => set('lastName', e.currentTarget.value)}
                error={error('lastName')}
              />
            </SimpleGrid>
            <TextInput
              size="md"
              label="Phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              placeholder="555-010-0123"
              value={values.phone}
              maxLength={30}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={error('phone')}
            />
            <TextInput
              size="md"
              label="Email"
              type="email"
              inputMode="email"
              autoComplete="email"
              placeholder="name@example.com"
              value={values.email}
              maxLength={max('email', 254)}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={error('email')}
            />
            <Radio.Group
              label="How should we contact you?"
              withAsterisk
              value={values.preferredContactMethod}
              onChange={(value) => set('preferredContactMethod', value as ContactMethod)}
              error={error('preferredContactMethod')}
            >
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" mt={6}>
                {info.contactMethods.map((option) => (
                  <ChoiceCard key={option.value} value={option.value} label={option.label} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </Section>

          <Section title="What would you like help with?">
            <Radio.Group
              label="Kind of help"
              withAsterisk
              value={values.helpWanted}
              onChange={(value) => set('helpWanted', value as HelpWanted)}
              error={error('helpWanted')}
            >
              <Stack gap="xs" mt={6}>
                {info.helpWanted.map((option) => (
                  <ChoiceCard key={option.value} value={option.value} label={option.label} />
                ))}
              </Stack>
            </Radio.Group>
            <Checkbox.Group
              label="When could you attend? (optional, choose any)"
              value={values.preferredSchedule}
              onChange={(value) => set('preferredSchedule', value as Schedule[])}
              error={error('preferredSchedule')}
            >
              <Stack gap="xs" mt={6}>
                {info.schedules.map((option) => (
                  <Checkbox.Card key={option.value} value={option.value} radius="md" p="md">
                    <Group wrap="nowrap" gap="sm">
                      <Checkbox.Indicator size="md" />
                      <Text>{option.label}</Text>
                    </Group>
                  </Checkbox.Card>
                ))}
              </Stack>
            </Checkbox.Group>
          </Section>

          <Section
            title="Insurance (optional)"
            hint="If you tell us your insurance, we check your benefits before we call, so we can tell you what it covers."
          >
            <Checkbox
              size="md"
              label="I have health insurance and want you to check my benefits"
              checked={values.hasInsurance}
              onChange={(e) => set('hasInsurance', e.currentTarget.checked)}
            />
            <Collapse expanded={values.hasInsurance}>
              <Stack gap="md" pt="xs">
                <TextInput
                  size="md"
                  label="Insurance company"
                  withAsterisk
                  placeholder="e.g. Blue Cross Blue Shield"
                  autoComplete="off"
                  value={values.payerName}
                  maxLength={120}
                  onChange={(e) => set('payerName', e.currentTarget.value)}
                  error={error('insurance.payerName')}
                />
                <TextInput
                  size="md"
                  label="Member ID (on your insurance card)"
                  autoComplete="off"
                  value={values.memberId}
                  maxLength={40}
                  onChange={(e) => set('memberId', e.currentTarget.value)}
                  error={error('insurance.memberId')}
                />
                <Select
                  size="md"
                  label="Whose plan is it?"
                  placeholder="Choose"
                  data={info.relationships}
                  value={values.relationship || null}
                  onChange={(value) => set('relationship', (value ?? '') as Relationship | '')}
                  error={error('insurance.relationship')}
                  allowDeselect
                  comboboxProps={{ withinPortal: true }}
                />
                {values.relationship && values.relationship !== 'self' ? (
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                    <TextInput
                      size="md"
                      label="Name of the person the plan is in"
                      autoComplete="off"
                      value={values.subscriberName}
                      maxLength={120}
                      onChange={(e) => set('subscriberName', e.currentTarget.value)}
                      error={error('insurance.subscriberName')}
                    />
                    <TextInput
                      size="md"
                      type="date"
                      label="Their date of birth"
                      autoComplete="off"
                      value={values.subscriberDateOfBirth}
                      onChange={(e) => set('subscriberDateOfBirth', e.currentTarget.value)}
                      error={error('insurance.subscriberDateOfBirth')}
                    />
                  </SimpleGrid>
                ) : null}
              </Stack>
            </Collapse>
          </Section>

          <Box
            aria-hidden="true"
            style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
          >
            <label>
              Leave this field empty
              <input
                type="text"
                name="website"
                tabIndex={-1}
                autoComplete="off"
                value={values.website}
                onChange={(e) => set('website', e.currentTarget.value)}
              />
            </label>
          </Box>

          <Checkbox
            size="md"
            checked={values.consentToContact}
            onChange={(e) => set('consentToContact', e.currentTarget.checked)}
            label={info.consentText}
            error={error('consentToContact')}
            styles={{ label: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.5 } }}
          />

          {localCount > 0 ? (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title="Please check the form"
              data-error-anchor
              tabIndex={-1}
            >
              {localCount === 1 ? 'One answer needs' : `${localCount} answers need`} your attention; see the
              red messages above.
            </Alert>
          ) : (
            <ProblemAlert error={send.error} shownFields={fieldNames} title="Your request was not sent" />
          )}

          <Button type="submit" size="lg" fullWidth loading={send.isPending}>
            Ask us to contact me
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function ChoiceCard({ value, label }: { value: string; label: string }) {
  return (
    <Radio.Card value={value} radius="md" p="md">
      <Group wrap="nowrap" gap="sm">
        <Radio.Indicator size="md" />
        <Text>{label}</Text>
      </Group>
    </Radio.Card>
  );
}

function NextSteps({ info, sent }: { info: GetStarted; sent: PublicInquiryAccepted }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card withBorder radius="md" padding="lg" shadow="xs">
      <Stack gap="md">
        <Title order={1} fz={{ base: 26, sm: 32 }} ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          Thank you. We have your request.
        </Title>
        <Box p="md" bg="trellis.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Text size="sm" c="dimmed">
            Your reference
          </Text>
          <Text fz={28} fw={700} ff="monospace" data-testid="inquiry-reference">
            {sent.reference}
          </Text>
          <Text size="sm">Keep it handy: quote it if you call us.</Text>
        </Box>
        <Title order={2} fz="lg">
          What happens next
        </Title>
        <List type="ordered" spacing="sm" size="md">
          {sent.nextSteps.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
        {info.organization.phone ? (
          <Text>
            Questions before then? Call us at{' '}
            <Anchor href={`tel:${info.organization.phone}`} fw={600}>
              {info.organization.phone}
            </Anchor>
            .
          </Text>
        ) : null}
        <Text c="dimmed" size="sm">
          If things get worse while you wait, call or text 988 at any time, or 911 in an emergency.
        </Text>
      </Stack>
    </Card>
  );
}
