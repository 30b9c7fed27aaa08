// Translations are complete: every %key% in package.json has a string in package.nls.json and
// in the Simplified Chinese package.nls.zh-cn.json, and every vscode.l10n.t message in the
// client has an entry in l10n/bundle.l10n.zh-cn.json. Messages must be literals to be found.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every %key% placeholder anywhere in the manifest's strings. */
function placeholders(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/^%([\w.-]+)%$/g)].map((match) => match[1]);
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholders);
  return [];
}

/** The messages of l10n.t calls, and the calls whose message is not a plain literal. */
export function l10nMessages(text: string): { messages: string[]; dynamic: number } {
  const messages: string[] = [];
  let dynamic = 0;
  for (const match of text.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|(.))/g)) {
    const literal = match[1] ?? match[2];
    if (literal === undefined) dynamic++;
    else messages.push(literal.replace(/\\(.)/g, '$1'));
  }
  return { messages, dynamic };
}

describe('translations', () => {
  const manifest = readJson('package.json');
  const nls = readJson('package.nls.json');
  const nlsChinese = readJson('package.nls.zh-cn.json');
  const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
  const keys = placeholders(manifest);

  it('package.json uses its nls strings and points at the l10n folder', () => {
    assert.ok(keys.length >= 40, `only ${keys.length} %key% placeholders`);
    assert.equal(manifest.l10n, './l10n');
  });
  it('every %key% in package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string'), [], 'missing in package.nls.json');
    assert.deepEqual(keys.filter((key) => typeof nlsChinese[key] !== 'string'), [], 'missing in package.nls.zh-cn.json');
  });
  it('the nls files hold no key that package.json does not use, and the Chinese one translates', () => {
    assert.deepEqual(Object.keys(nls).filter((key) => !keys.includes(key)), []);
    assert.deepEqual(Object.keys(nlsChinese).filter((key) => !keys.includes(key)), []);
    const untranslated = Object.keys(nls).filter((key) => nlsChinese[key] === nls[key] && /[a-z]{4,} [a-z]{3,}/.test(nls[key]));
    assert.deepEqual(untranslated, [], 'English sentences left in the Chinese file');
  });

  const files = sources(join(root, 'client', 'src'));
  const found = files.map((file) => ({ file: relative(root, file), ...l10nMessages(readFileSync(file, 'utf8')) }));
  const messages = [...new Set(found.flatMap((entry) => entry.messages))];
  it('the client localizes its messages, each a literal', () => {
    assert.ok(messages.length >= 30, `only ${messages.length} l10n.t messages`);
    assert.deepEqual(found.filter((entry) => entry.dynamic > 0).map((entry) => entry.file), [], 'l10n.t with a message that is not a literal');
  });
  it('every l10n.t message has a Simplified Chinese entry, with the same placeholders', () => {
    assert.deepEqual(messages.filter((message) => typeof bundle[message] !== 'string'), []);
    const placeholdersOf = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
    assert.deepEqual(messages.filter((message) => JSON.stringify(placeholdersOf(message)) !== JSON.stringify(placeholdersOf(bundle[message]))), []);
  });
  it('the bundle holds no message the client no longer uses', () => {
    assert.deepEqual(Object.keys(bundle).filter((message) => !messages.includes(message)), []);
  });
  it('the message finder reads literals and flags the rest', () => {
    assert.deepEqual(l10nMessages(`vscode.l10n.t('It\\'s {0}', x); l10n.t("Two"); vscode.l10n.t(message)`), { messages: ["It's {0}", 'Two'], dynamic: 1 });
  });
});
