import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api-client';
import { applyIds, type EProblem, fromContent, idsGiven, mergeContent, toInput } from './editor-state';
import { type PlanStaleProblem, saveDraft, type TreatmentPlan } from './plans-api';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown }
  /** Someone else saved first: nothing is sent until the clinician chooses whose version to keep. */
  | { kind: 'stale'; problem: PlanStaleProblem; base: EProblem[] };

/** How long typing may pause before the draft is saved. */
export const SAVE_AFTER_MS = 1200;

/**
 * The draft being edited, saved a moment after each change (PUT, If-Match the plan's version).
 * One save at a time; a change made while one is on its way is sent right after it. New items get
 * their ids from the server's answer. A 409 stops saving and keeps both versions for the person
 * to choose from.
 */
export function usePlanAutosave(plan: TreatmentPlan, onSaved: (plan: TreatmentPlan) => void) {
  const [problems, setProblems] = useState<EProblem[]>(() => fromContent(plan.current.content));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: plan.current.updatedAt });
  const problemsRef = useRef(problems);
  const versionRef = useRef(plan.version);
  /** The content as the server last had it: the "before" of a conflict. */
  const savedRef = useRef(problems);
  const dirty = useRef(false);
  const inFlight = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current || !dirty.current || blocked.current) return;
    inFlight.current = true;
    dirty.current = false;
    const sent = problemsRef.current;
    setState({ kind: 'saving' });
    try {
      const saved = await saveDraft(plan.id, versionRef.current, toInput(sent));
      versionRef.current = saved.version;
      const ids = idsGiven(sent, saved.current.content);
      savedRef.current = applyIds(sent, ids);
      if (ids.size > 0) {
        problemsRef.current = applyIds(problemsRef.current, ids);
        setProblems(problemsRef.current);
      }
      onSavedRef.current(saved);
      setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      dirty.current = true;
      if (error instanceof ApiError && error.isStale) {
        blocked.current = true;
        setState({
          kind: 'stale',
          // A stale plan save answers current, changes, changedBy and changedAt (plans API).
          problem: error.problem as unknown as PlanStaleProblem,
          base: savedRef.current,
        });
      } else {
        setState({ kind: 'error', error });
      }
    } finally {
      inFlight.current = false;
    }
    // Changes typed while this save was on its way.
    if (dirty.current && !blocked.current && timer.current === null) {
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    }
  }, [plan.id]);

  const update = useCallback(
    (change: (problems: EProblem[]) => EProblem[]) => {
      problemsRef.current = change(problemsRef.current);
      setProblems(problemsRef.current);
      dirty.current = true;
      if (blocked.current) return;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    },
    [flush],
  );

  /** The other person's version wins: the editor shows it, nothing of mine is sent. */
  const takeTheirs = useCallback(() => {
    if (state.kind !== 'stale') return;
    const current = state.problem.current;
    problemsRef.current = fromContent(current.current.content);
    savedRef.current = problemsRef.current;
    setProblems(problemsRef.current);
    versionRef.current = current.version;
    dirty.current = false;
    blocked.current = false;
    setState({ kind: 'saved', at: current.updatedAt });
    onSavedRef.current(current);
  }, [state]);

  /**
   * My changes on top of theirs: every field I changed takes my value, everything else stays as
   * they left it; then it is saved on their version.
   */
  const keepMine = useCallback(() => {
    if (state.kind !== 'stale') return;
    const current = state.problem.current;
    const theirs = fromContent(current.current.content);
    problemsRef.current = mergeContent(state.base, problemsRef.current, theirs);
    savedRef.current = theirs;
    setProblems(problemsRef.current);
    versionRef.current = current.version;
    blocked.current = false;
    dirty.current = true;
    void flush();
  }, [state, flush]);

  // Leaving the tab with a change not yet sent: send it now.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (dirty.current && !blocked.current && !inFlight.current) {
        void saveDraft(plan.id, versionRef.current, toInput(problemsRef.current))
          .then((saved) => onSavedRef.current(saved))
          .catch(() => undefined);
      }
    },
    [plan.id],
  );

  // Closing the browser tab with unsaved changes: the browser asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return {
    problems,
    update,
    state,
    saveNow: () => void flush(),
    takeTheirs,
    keepMine,
    /** True while a change is not yet saved. */
    pending: () => dirty.current || inFlight.current,
    flush,
  };
}
