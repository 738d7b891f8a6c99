import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { LinkPageShell, LinkProblem } from '../../ui/link-page';
import { PageLoader } from '../../ui/page-loader';
import { ProblemAlert } from '../../ui/problem-alert';
import { ItemField } from '../measures/measure-form';
import { type AnswerState, isAsked } from '../measures/scoring-preview';
import {
  type CrisisResource,
  localCopy,
  type SelfReportAnswers,
  type SelfReportForm,
  type SelfReportSubmitted,
  useSaveProgress,
  useSelfReport,
  useSubmitSelfReport,
} from './self-report-api';

type Instrument = SelfReportForm['instruments'][number];
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'offline' };

/** How long typing may pause before the answers go to the server. */
const SAVE_AFTER_MS = 700;

/** The first question still to answer, as "instrument/item", or null when all are done. */
function firstMissing(instruments: Instrument[], answers: SelfReportAnswers): string | null {
  for (const instrument of instruments) {
    const given = (answers[instrument.code] ?? {}) as AnswerState;
    for (const item of instrument.items) {
      if (item.required && isAsked(item, given) && given[item.id] == null)
        return `${instrument.code}/${item.id}`;
    }
  }
  return null;
}

/** Only the questions still asked: an answer to a question that no longer applies is not sent. */
function answersToSend(instruments: Instrument[], answers: SelfReportAnswers): SelfReportAnswers {
  const out: SelfReportAnswers = {};
  for (const instrument of instruments) {
    const given = (answers[instrument.code] ?? {}) as AnswerState;
    const kept: Record<string, number | null> = {};
    for (const item of instrument.items) {
      if (isAsked(item, given) && given[item.id] !== undefined) kept[item.id] = given[item.id] ?? null;
    }
    out[instrument.code] = kept;
  }
  return out;
}

function CrisisCard({ resources, urgent }: { resources: CrisisResource[]; urgent: boolean }) {
  if (resources.length === 0) return null;
  return (
    <Alert
      color="red"
      variant={urgent ? 'filled' : 'light'}
      title={urgent ? 'If you are in danger now' : 'If you are in crisis or thinking about suicide'}
    >
      <Stack gap={4}>
        {resources.map((r) => (
          <Text key={r.name} size="sm" {...(urgent ? { c: 'white' } : {})}>
            <strong>{r.name}:</strong> {r.action}
            {r.phone ? (
              <>
                {' '}
                <Anchor href={`tel:${r.phone}`} c="inherit" fw={700} underline="always">
                  {r.phone}
                </Anchor>
              </>
            ) : null}
            {r.text ? <> (text {r.text})</> : null}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function Done({ form, result }: { form: SelfReportForm; result: SelfReportSubmitted }) {
  const urgent = result.crisisResources.length > 0;
  return (
    <LinkPageShell programName={form.programName}>
      <Stack>
        <Title order={1} fz={26}>
          All done, {form.firstName}
        </Title>
        <Text size="lg">{result.message}</Text>
        <CrisisCard resources={urgent ? result.crisisResources : form.crisisResources} urgent={urgent} />
        <Text c="dimmed">You can close this page now. The link has been used and will not open again.</Text>
      </Stack>
    </LinkPageShell>
  );
}

/**
 * The questionnaires a patient fills in on their phone from a one-time link, with no account.
 * Every answer is kept on the phone at once and saved to the server a moment later, so a lost
 * connection or a closed tab loses nothing; the link is used up only when the answers are sent.
 */
export function SelfReportPage() {
  const token = useParams().token ?? '';
  const form = useSelfReport(token);
  if (form.isPending) return <PageLoader label="Opening your questionnaire…" />;
  if (form.isError) return <LinkProblem error={form.error} />;
  return <SelfReportFormView token={token} form={form.data} />;
}

function SelfReportFormView({ token, form }: { token: string; form: SelfReportForm }) {
  const [answers, setAnswers] = useState<SelfReportAnswers>(() => {
    // The phone's copy is never older than the server's: it is written first.
    const local = localCopy.read(token) ?? {};
    const merged: SelfReportAnswers = {};
    for (const instrument of form.instruments) {
      merged[instrument.code] = {
        ...(form.progress[instrument.code] ?? {}),
        ...(local[instrument.code] ?? {}),
      };
    }
    return merged;
  });
  const [saveState, setSaveState] = useState<SaveState>(
    form.savedAt ? { kind: 'saved', at: form.savedAt } : { kind: 'idle' },
  );
  const [showMissing, setShowMissing] = useState(false);
  const [result, setResult] = useState<SelfReportSubmitted | null>(null);
  const save = useSaveProgress(token);
  const submit = useSubmitSelfReport(token);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const missing = useMemo(() => firstMissing(form.instruments, answers), [form.instruments, answers]);

  const saveNow = useCallback(
    (next: SelfReportAnswers) => {
      setSaveState({ kind: 'saving' });
      save.mutate(answersToSend(form.instruments, next), {
        onSuccess: (saved) => setSaveState({ kind: 'saved', at: saved.savedAt }),
        onError: () => setSaveState({ kind: 'offline' }),
      });
    },
    [save, form.instruments],
  );

  // Back online: send what was kept on the phone.
  useEffect(() => {
    const retry = () => {
      if (saveState.kind === 'offline') saveNow(answers);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [saveState.kind, saveNow, answers]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const answer = (code: string, itemId: string, value: number) => {
    const next = { ...answers, [code]: { ...(answers[code] ?? {}), [itemId]: value } };
    setAnswers(next);
    localCopy.write(token, next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => saveNow(next), SAVE_AFTER_MS);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (missing) {
      setShowMissing(true);
      formRef.current?.querySelector<HTMLInputElement>(`[data-question="${missing}"] input`)?.focus();
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    submit.mutate(answersToSend(form.instruments, answers), {
      onSuccess: (done) => {
        localCopy.clear(token);
        setResult(done);
        window.scrollTo({ top: 0 });
      },
    });
  };

  if (result) return <Done form={form} result={result} />;

  const questionCount = form.instruments.reduce((n, i) => n + i.items.length, 0);
  return (
    <LinkPageShell programName={form.programName}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <div>
            <Title order={1} fz={26}>
              Hi {form.firstName}
            </Title>
            <Text size="lg" mt={4}>
              These questions help your care team see how you have been. There are {questionCount}, and they
              take about {Math.max(2, Math.round(questionCount / 4))} minutes.
            </Text>
            <Text c="dimmed" size="sm" mt={4}>
              Your answers are saved as you go. Only your care team sees them. This link works until{' '}
              {new Date(form.expiresAt).toLocaleString(undefined, {
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
              .
            </Text>
          </div>
          <CrisisCard resources={form.crisisResources} urgent={false} />
          {form.instruments.map((instrument) => {
            const given = (answers[instrument.code] ?? {}) as AnswerState;
            const asked = instrument.items.filter((item) => isAsked(item, given));
            return (
              <Card
                key={instrument.code}
                withBorder
                padding="md"
                component="section"
                aria-label={instrument.title}
              >
                <Stack gap="sm">
                  <Title order={2} fz="lg">
                    {instrument.title}
                  </Title>
                  <Text>{instrument.instructions}</Text>
                  {asked.map((item, index) => (
                    <div key={item.id} data-question={`${instrument.code}/${item.id}`}>
                      <ItemField
                        item={item}
                        number={index + 1}
                        value={given[item.id] ?? undefined}
                        missing={showMissing && item.required && given[item.id] == null}
                        onChange={(value) => answer(instrument.code, item.id, value)}
                      />
                    </div>
                  ))}
                  <Text size="xs" c="dimmed">
                    {instrument.copyright}
                  </Text>
                </Stack>
              </Card>
            );
          })}
          <ProblemAlert error={submit.error} title="Your answers were not sent" />
          {showMissing && missing ? (
            <Text c="red" role="alert">
              Some questions still need an answer: they are marked in red.
            </Text>
          ) : null}
          <Stack gap={6}>
            <Button type="submit" size="lg" fullWidth loading={submit.isPending}>
              Send my answers
            </Button>
            <Text
              size="sm"
              c={saveState.kind === 'offline' ? 'orange.8' : 'dimmed'}
              ta="center"
              aria-live="polite"
              data-testid="save-status"
            >
              {saveState.kind === 'saving'
                ? 'Saving…'
                : saveState.kind === 'saved'
                  ? `Saved at ${new Date(saveState.at).toLocaleTimeString(undefined, { timeStyle: 'short' })}. You can come back to this link later.`
                  : saveState.kind === 'offline'
                    ? 'No connection right now. Your answers are kept on this phone and will be saved when you are back online.'
                    : 'Your answers are saved as you go.'}
            </Text>
          </Stack>
        </Stack>
      </form>
    </LinkPageShell>
  );
}
