// Pure readings of the short words a transcript repeats (currency marks, number words) are
// remembered, so each spelling is read once, not at every figure.

/** The cache stops growing here, so no document can make it grow without limit. */
const MAX_ENTRIES = 4096;
/**
 * Only short keys are kept: V8 copies substrings this short, so a kept key holds no reference
 * to the document it was cut from.
 */
const MAX_KEY_LENGTH = 12;

/** `read`, remembering its result per key. `read` must be pure and its results never changed. */
export function memoize<T>(read: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const value = read(key);
    if (key.length <= MAX_KEY_LENGTH && cache.size < MAX_ENTRIES) cache.set(key, value);
    return value;
  };
}
