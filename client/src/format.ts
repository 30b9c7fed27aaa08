// Small wording helpers shared by the client's views (counts live in l10n.ts, translated).

/** The last segment of a URI's path, as a file name (client code runs in web workers too, without node:path). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
