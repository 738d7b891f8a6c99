import { Alert, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { diffPlanContent, missingForPlanSignature } from '@trellis/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import './plan-editor.css';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ProblemAlert } from '../../ui/problem-alert';
import { ChangeList, type Names } from './change-list';
import { type EProblem, emptyProblem, toContent } from './editor-state';
import type { FieldContext } from './item-fields';
import { fieldId, modalityLabel } from './labels';
import { MissingChecklist } from './missing-checklist';
import { type TreatmentPlan, usePlanSaved } from './plans-api';
import { ProblemFields } from './problem-fields';
import { StaffSignDialog } from './sign-dialogs';
import { type SaveState, usePlanAutosave } from './use-plan-autosave';

interface Props {
  episodeId: string;
  plan: TreatmentPlan;
  names: Names;
  diagnosisCodes: readonly string[];
  staffOptions: { value: string; label: string }[];
  defaultResponsible: string | null;
  canSign: boolean;
}

const UNDO_ID = 'plan-undo-remove';

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  const text =
    state.kind === 'saving'
      ? 'Saving…'
      : state.kind === 'dirty'
        ? 'Changes not saved yet…'
        : state.kind === 'saved'
          ? `All changes saved (${time.format(new Date(state.at))}).`
          : state.kind === 'error'
            ? 'Your last changes are NOT saved.'
            : 'Not saved: someone else changed the plan.';
  const color =
    state.kind === 'error' || state.kind === 'stale'
      ? 'red.8'
      : state.kind === 'saved'
        ? 'green.8'
        : 'dimmed';
  return (
    <Stack gap={4}>
      <Text size="sm" c={color} fw={500} aria-live="polite" data-testid="plan-save-status">
        {text}
      </Text>
      {state.kind === 'error' ? (
        <>
          <ProblemAlert error={state.error} title="Saving failed" />
          <Button size="compact-sm" variant="light" onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
            Try saving again
          </Button>
        </>
      ) : null}
    </Stack>
  );
}

/**
 * The draft version: problems, goals, objectives and interventions, saved as you type. On the
 * side, what signing still needs (each item puts the cursor in its field) and the button to sign.
 */
export function PlanEditor({
  episodeId,
  plan,
  names,
  diagnosisCodes,
  staffOptions,
  defaultResponsible,
  canSign,
}: Props) {
  const onSaved = usePlanSaved(episodeId);
  const draft = usePlanAutosave(plan, onSaved);
  const [showErrors, setShowErrors] = useState(false);
  const [signing, setSigning] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const focusTarget = useRef<string | null>(null);
  const undoSnapshot = useRef<EProblem[] | null>(null);
  const justRemoved = useRef(false);

  const missing = useMemo(
    () => missingForPlanSignature(toContent(draft.problems), { diagnosisCodes }),
    [draft.problems, diagnosisCodes],
  );
  const errors = useMemo(
    () => new Map(showErrors ? missing.map((m) => [m.field, m.message] as const) : []),
    [missing, showErrors],
  );

  // After adding an item, the cursor goes to its first field.
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    document.getElementById(fieldId(target))?.focus();
  });

  const ctx: FieldContext = {
    diagnoses: names.diagnoses,
    staff: staffOptions,
    defaultResponsible,
    errors,
    focusSoon: (path) => {
      focusTarget.current = path;
    },
    removed: (what) => {
      justRemoved.current = true;
      offerUndo(what, draft.problems);
    },
  };

  /**
   * A removed item can be brought back until the next change (or 10 s): the draft as it was
   * before is put back, and saved like any change.
   */
  const offerUndo = (what: string, before: EProblem[]) => {
    undoSnapshot.current = before;
    notifications.show({
      id: UNDO_ID,
      color: 'gray',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{what} removed.</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              const snapshot = undoSnapshot.current;
              notifications.hide(UNDO_ID);
              if (snapshot) draft.update(() => snapshot);
              undoSnapshot.current = null;
            }}
          >
            Undo
          </Button>
        </Group>
      ),
    });
  };
  const change = (next: (all: EProblem[]) => EProblem[]) => {
    // Any other change ends the chance to undo a removal (the snapshot would throw it away).
    if (undoSnapshot.current && !justRemoved.current) {
      undoSnapshot.current = null;
      notifications.hide(UNDO_ID);
    }
    justRemoved.current = false;
    draft.update(next);
  };

  const startSigning = async () => {
    setShowErrors(true);
    if (missing.length > 0) {
      const first = missing[0];
      if (first) document.getElementById(fieldId(first.field))?.focus();
      return;
    }
    await draft.flush();
    if (!draft.pending()) setSigning(true);
  };

  const short = (text: string) => {
    const s = text.trim();
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  };
  const problemNames = draft.problems.map((p) => short(p.statement));
  /** The words of the item a missing field belongs to, so the checklist line can be placed at a glance. */
  const labelOf = (path: string): string | undefined => {
    const m = /^problems\.(\d+)(?:\.(goals|interventions)\.(\d+))?(?:\.objectives\.(\d+))?/.exec(path);
    if (!m) return undefined;
    const problem = draft.problems[Number(m[1])];
    if (!problem) return undefined;
    if (m[2] === 'interventions') {
      const iv = problem.interventions[Number(m[3])];
      return iv?.modality ? modalityLabel(iv.modality) : undefined;
    }
    if (m[2] === 'goals') {
      const goal = problem.goals[Number(m[3])];
      if (m[4] !== undefined) return short(goal?.objectives[Number(m[4])]?.text ?? '') || undefined;
      return short(goal?.text ?? '') || undefined;
    }
    return short(problem.statement) || undefined;
  };
  const stale = draft.state.kind === 'stale' ? draft.state.problem : null;
  const staleBase = draft.state.kind === 'stale' ? draft.state.base : null;
  const mine = useMemo(
    () => (staleBase ? diffPlanContent(toContent(staleBase), toContent(draft.problems)) : []),
    [staleBase, draft.problems],
  );

  return (
    <>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {stale ? (
              <Alert
                color="orange"
                variant="light"
                title="Someone else changed this plan while you were editing"
                role="alert"
              >
                <Stack gap="sm">
                  <Text size="sm">
                    Your latest changes are not saved. Here is what{' '}
                    {(stale.changedBy && names.staff.get(stale.changedBy)) || 'the other person'} changed
                    {stale.changedAt ? ` (at ${time.format(new Date(stale.changedAt))})` : ''}:
                  </Text>
                  {stale.changes ? (
                    <ChangeList changes={stale.changes} names={names} />
                  ) : (
                    <Text size="sm">
                      The plan was signed, sent for signatures, or changed in another way.
                    </Text>
                  )}
                  {stale.current.current.status !== 'draft' ? (
                    <Text size="sm" fw={600}>
                      The plan is no longer a draft. Keeping yours starts a new version for signing again.
                    </Text>
                  ) : null}
                  {mine.length > 0 ? (
                    <>
                      <Text size="sm" fw={600}>
                        Your changes, not saved yet:
                      </Text>
                      <ChangeList changes={mine} names={names} />
                    </>
                  ) : null}
                  <Text size="sm">
                    Keeping yours puts your changes on top of theirs: the rest of their changes stay. Where
                    you both changed the same thing, yours is kept.
                  </Text>
                  <Group gap="sm">
                    <Button color="orange" onClick={draft.keepMine}>
                      Keep my changes (on top of theirs)
                    </Button>
                    <Button variant="default" onClick={draft.takeTheirs}>
                      Take their version (drops my unsaved changes)
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : null}
            {draft.problems.length === 0 ? (
              <Card withBorder padding="lg">
                <Text>
                  This plan has no problems yet. Add the first one: what the participant wants to work on.
                </Text>
              </Card>
            ) : null}
            {draft.problems.map((problem, p) => (
              <ProblemFields
                key={problem.key}
                problem={problem}
                index={p}
                ctx={ctx}
                onChange={(next) => change((all) => all.map((x, i) => (i === p ? next : x)))}
                onRemove={() => setRemoving(p)}
              />
            ))}
            <Button
              id={fieldId('problems')}
              variant="light"
              onClick={() => {
                ctx.focusSoon(`problems.${draft.problems.length}.statement`);
                change((all) => [...all, emptyProblem(defaultResponsible)]);
              }}
              style={{ alignSelf: 'flex-start' }}
            >
              Add a problem
            </Button>
          </Stack>
        </Grid.Col>
        {/* Beside the editor on a wide screen; above it on a narrow one, where below would be out of sight. */}
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: -1, lg: 0 }}>
          <Card
            withBorder
            padding="md"
            component="aside"
            aria-label="Signing checklist"
            className="plan-checklist"
          >
            <Stack gap="sm">
              <Title order={3} fz="md">
                Draft version {plan.current.number}
              </Title>
              <SaveStatus state={draft.state} onRetry={draft.saveNow} />
              <MissingChecklist missing={missing} labelOf={labelOf} />
              {canSign ? (
                <Button onClick={() => void startSigning()} disabled={stale !== null} fullWidth>
                  Sign as the clinician
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  A clinician signs the plan once it is complete.
                </Text>
              )}
              <Text size="xs" c="dimmed">
                Then the participant signs (here in person, or with a link on their phone).
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={removing !== null}
        title={`Remove problem ${(removing ?? 0) + 1}?`}
        confirmLabel="Remove the problem"
        color="red"
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          const index = removing;
          setRemoving(null);
          if (index !== null) {
            ctx.removed(`Problem ${index + 1}`);
            ctx.focusSoon('problems');
            change((all) => all.filter((_, i) => i !== index));
          }
        }}
      >
        Its goals, objectives and interventions are removed from this draft too.
        {problemNames[removing ?? 0] ? ` (“${problemNames[removing ?? 0]}”)` : ''}
      </ConfirmDialog>
      <StaffSignDialog
        episodeId={episodeId}
        plan={plan}
        as="sign"
        opened={signing}
        onClose={() => setSigning(false)}
      />
    </>
  );
}
