// Wording shared by the roster view, the quick pick and the status bar.

/** "1 turn", "3,549 words": a count with its noun in the right number. */
export function countOf(value: number, word: string): string {
  return `${value.toLocaleString('en-US')} ${word}${value === 1 ? '' : 's'}`;
}

/** The last segment of a URI's path, as a file name (client code runs in web workers too, without node:path). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
