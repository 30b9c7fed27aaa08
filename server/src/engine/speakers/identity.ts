// Who is who: spellings of one person's name ("Rob Lin", "Robert Lin", "Jiong Shaw") are one
// speaker, so the outline, roles and rename treat them together.

/** One person, with every spelling seen and the role stated for them anywhere. */
export interface Identity {
  canonical: string;
  tokens: string[];
  role: string | null;
  affiliation: string | null;
}

function tokensOf(name: string): string[] {
  return name.toLowerCase().split(/[\s.]+/).map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter((t) => t.length > 0);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds limit. */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

const isPrefixPair = (a: string, b: string) => a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a));
const NUMBER = /^\d+$/;
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame)$/;

/** True when two spellings name the same person. */
export function sameSpeaker(a: string[], b: string[]): boolean {
  // Every rule below needs the same last name or the same initial: most pairs stop here.
  if (a.length === 0 || b.length === 0 || (a[a.length - 1] !== b[b.length - 1] && a[0][0] !== b[0][0])) return false;
  const joinedA = a.join(' ');
  const joinedB = b.join(' ');
  if (joinedA === joinedB) return true;
  // Single words ("Q", "A", "Operator", a first name) only match themselves.
  if (a.length < 2 || b.length < 2) return false;
  // "Speaker 1" and "Speaker 2" are two people: numbers are labels, not spellings.
  if (NUMBER.test(a[a.length - 1]) || NUMBER.test(b[b.length - 1])) return false;
  // Mr. Smith and Ms. Smith are two people, however close the spellings.
  if (HONORIFIC.test(a[0]) && HONORIFIC.test(b[0]) && a[0] !== b[0]) return false;
  if (a[a.length - 1] === b[b.length - 1]) {
    // A short form of the first name, or a middle name or initial written once and not again.
    if (a.length === b.length && a.slice(0, -1).every((t, i) => t === b[i] || isPrefixPair(t, b[i]))) return true;
    const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
    if (shorter.length !== longer.length && shorter.every((t) => longer.includes(t))) return true;
  }
  if (a[0][0] !== b[0][0]) return false;
  const length = Math.min(joinedA.length, joinedB.length);
  const limit = length >= 12 ? 2 : length >= 6 ? 1 : 0;
  return limit > 0 && boundedDistance(joinedA, joinedB, limit) <= limit;
}

/** True when spelling b says more of the name than a: more words, or longer forms of the same words. */
function moreComplete(a: string[], b: string[]): boolean {
  if (b.length !== a.length) return b.length > a.length;
  return b.join('').length > a.join('').length && a.every((t, i) => b[i].startsWith(t));
}

const agrees = (stated: string | null, other: string | null) =>
  stated === null || other === null || stated.toLowerCase() === other.toLowerCase();

/** Groups spellings into identities as they come, in document order. */
export class SpeakerRegistry {
  private readonly identities: Identity[] = [];
  private readonly bySpelling = new Map<string, Identity>();

  /**
   * The identity of a spelling, created when it is new. A close spelling stated with another
   * role or firm ("Alex Yao, UBS" and "Alex Yap, Citi") is another person.
   */
  identify(name: string, role: string | null = null, affiliation: string | null = null): Identity {
    const key = name.toLowerCase();
    const known = this.bySpelling.get(key);
    if (known) return known;
    const tokens = tokensOf(name);
    let identity = this.identities.find((candidate) => sameSpeaker(candidate.tokens, tokens)
      && agrees(candidate.role, role) && agrees(candidate.affiliation, affiliation));
    if (!identity) {
      identity = { canonical: name, tokens, role: null, affiliation: null };
      this.identities.push(identity);
    } else if (moreComplete(identity.tokens, tokens)) {
      identity.canonical = name;
      identity.tokens = tokens;
    }
    this.bySpelling.set(key, identity);
    return identity;
  }

  /** Spellings found to match nobody, with how many identities there were then. */
  private readonly unmatched = new Map<string, number>();

  /** The identity of a spelling if one is known, without creating one. */
  find(name: string): Identity | undefined {
    const key = name.toLowerCase();
    const known = this.bySpelling.get(key);
    if (known) return known;
    // A spelling that matched nobody still matches nobody until a new identity appears.
    if (this.unmatched.get(key) === this.identities.length) return undefined;
    const tokens = tokensOf(name);
    const found = this.identities.find((candidate) => sameSpeaker(candidate.tokens, tokens));
    if (found) this.bySpelling.set(key, found);
    else this.unmatched.set(key, this.identities.length);
    return found;
  }

  /** Records a role stated for a person; the first one stated stays. */
  state(identity: Identity, role: string | null, affiliation: string | null): void {
    if (role !== null && identity.role === null) {
      identity.role = role;
      if (identity.affiliation === null) identity.affiliation = affiliation;
    } else if (affiliation !== null && identity.affiliation === null) {
      identity.affiliation = affiliation;
    }
  }
}
