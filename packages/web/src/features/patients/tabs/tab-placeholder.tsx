import { ComingLaterCard } from '../../../ui/coming-later-card';

/** A chart tab whose module is not built yet: it says so, and shows no made-up data. */
export function TabPlaceholder({ title, children }: { title: string; children: string }) {
  return <ComingLaterCard title={title}>{children}</ComingLaterCard>;
}

export interface TabProps {
  patientId: string;
}
