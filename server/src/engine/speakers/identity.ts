// Who is who: spellings of one person's name ("Ben Ortiz", "Benjamin Ortiz", "Benjamin Ortis") are one
// speaker, so the outline, roles and rename treat them together.

/** One person, with every spelling seen and the role stated for them anywhere. */
export interface Identity {
  /** Creation order: the first spelling seen wins a tie. */
  order: number;
  canonical: string;
  tokens: string[];
  role: string | null;
  affiliation: string | null;
}

/** The key two headers share when they spell the same person's name the same way. */
export function speakerKey(speaker: string): string {
  return speaker.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
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
const MAX_FUZZY_CANDIDATES = 8;
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame)$/;

const isGroup = (tokens: string[]) => tokens.includes('and') || tokens.includes('&');

/** True when two spellings name the same person. */
export function sameSpeaker(a: string[], b: string[]): boolean {
  // Every rule below needs the same last name or the same initial: most pairs stop here.
  if (a.length === 0 || b.length === 0 || (a[a.length - 1] !== b[b.length - 1] && a[0][0] !== b[0][0])) return false;
  const joinedA = a.join(' ');
  const joinedB = b.join(' ');
  if (joinedA === joinedB) return true;
  // Single words ("Q", "A", "Operator", a first name) only match themselves, and so do
  // several people speaking at once ("Ana Ruiz and Leo Park").
  if (a.length < 2 || b.length < 2 || isGroup(a) || isGroup(b)) return false;
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
  let limit = length >= 12 ? 2 : length >= 6 ? 1 : 0;
  // Two slips in one short word make another word ("STATE COUNSEL", "SENATE COUNSEL").
  if (a.length === b.length) {
    const differing = a.filter((t, i) => t !== b[i]);
    if (differing.length === 1 && differing[0].length < 8) limit = Math.min(limit, 1);
  }
  return limit > 0 && boundedDistance(joinedA, joinedB, limit) <= limit;
}

/** True when spelling b says more of the name than a: more words, or longer forms of the same words. */
function moreComplete(a: string[], b: string[]): boolean {
  if (b.length !== a.length) return b.length > a.length;
  return b.join('').length > a.join('').length && a.every((t, i) => b[i].startsWith(t));
}

const agrees = (stated: string | null, other: string | null) =>
  stated === null || other === null || stated.toLowerCase() === other.toLowerCase();

/**
 * The bucket of spellings a typo away: same first and last initials, length within two.
 * (A typo in an initial is rare enough to be missed rather than searched for.)
 */
function closeSpellingKey(tokens: string[], lengthDelta: number): string {
  return `${tokens[0][0]}${tokens[tokens.length - 1][0]}${tokens.join(' ').length + lengthDelta}`;
}

/** Groups spellings into identities as they come, in document order. */
export class SpeakerRegistry {
  private readonly identities: Identity[] = [];
  private readonly bySpelling = new Map<string, Identity>();
  /** Spellings found to match nobody, with how many identities there were then. */
  private readonly unmatched = new Map<string, number>();
  // Every rule of sameSpeaker needs the same last word or close initials and length, so
  // these two indexes find the few identities worth comparing: a document with thousands
  // of labels stays linear.
  private readonly byLastToken = new Map<string, Identity[]>();
  private readonly byInitialAndLength = new Map<string, Identity[]>();

  private index(identity: Identity): void {
    const { tokens } = identity;
    if (tokens.length === 0) return;
    const add = (map: Map<string, Identity[]>, key: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [identity]);
      else if (!list.includes(identity)) list.push(identity);
    };
    add(this.byLastToken, tokens[tokens.length - 1]);
    add(this.byInitialAndLength, closeSpellingKey(tokens, 0));
  }

  /** The identities a spelling could match, oldest first. */
  private candidatesFor(tokens: string[]): Identity[] {
    if (tokens.length === 0) return [];
    const found = new Set(this.byLastToken.get(tokens[tokens.length - 1]));
    for (let delta = -2; delta <= 2; delta++) {
      const close = this.byInitialAndLength.get(closeSpellingKey(tokens, delta)) ?? [];
      // A call has a few dozen speakers; a bucket this full is a list of labels, not
      // misspellings, and comparing against all of it would make the reading quadratic.
      if (close.length > MAX_FUZZY_CANDIDATES) continue;
      for (const identity of close) found.add(identity);
    }
    return found.size <= 1 ? [...found] : [...found].sort((a, b) => a.order - b.order);
  }

  /**
   * The identity of a spelling, created when it is new. A close spelling stated with another
   * role or firm ("Lena Ruiz, Halden Securities" and "Lena Ruis, Corvin Capital") is another person.
   */
  identify(name: string, role: string | null = null, affiliation: string | null = null): Identity {
    const key = name.toLowerCase();
    const known = this.bySpelling.get(key);
    if (known) return known;
    const tokens = tokensOf(name);
    // find() may just have compared this spelling with everyone, in vain.
    const searched = this.unmatched.get(key) === this.identities.length;
    let identity = searched ? undefined : this.candidatesFor(tokens).find((candidate) => sameSpeaker(candidate.tokens, tokens)
      && agrees(candidate.role, role) && agrees(candidate.affiliation, affiliation));
    if (!identity) {
      identity = { order: this.identities.length, canonical: name, tokens, role: null, affiliation: null };
      this.identities.push(identity);
      this.index(identity);
    } else if (moreComplete(identity.tokens, tokens)) {
      identity.canonical = name;
      identity.tokens = tokens;
      this.index(identity);
    }
    this.bySpelling.set(key, identity);
    return identity;
  }

  /** The identity of a spelling if one is known, without creating one. */
  find(name: string): Identity | undefined {
    const key = name.toLowerCase();
    const known = this.bySpelling.get(key);
    if (known) return known;
    // A spelling that matched nobody still matches nobody until a new identity appears.
    if (this.unmatched.get(key) === this.identities.length) return undefined;
    const tokens = tokensOf(name);
    const found = this.candidatesFor(tokens).find((candidate) => sameSpeaker(candidate.tokens, tokens));
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
