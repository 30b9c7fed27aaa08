// Wording shared by the roster view, the quick pick and the status bar.

/** "1 turn", "3,549 words": a count with its noun in the right number. */
export function countOf(value: number, word: string): string {
  return `${value.toLocaleString('en-US')} ${word}${value === 1 ? '' : 's'}`;
}
