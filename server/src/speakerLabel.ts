// How a speaker's role and firm read in the outline, the roster view and the quick pick; the
// server and the client both import it so the three places agree.
import type { SpeakerIdentity } from './protocol';

/** "Chief Financial Officer, Northwind": the role and the firm, whichever are known. */
export function roleAndFirm(speaker: Pick<SpeakerIdentity, 'role' | 'affiliation'>): string | undefined {
  const parts = [speaker.role, speaker.affiliation].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(', ') : undefined;
}
