// The code book: the tags a passage can be annotated with. A built-in book for earnings
// calls, replaced by the user's own from settings (transcriptLens.annotations.codebook) or,
// taking precedence, from the workspace file .transcript-lens/codebook.json. Each tag has a
// name, a colour and a description; malformed entries are skipped and reported.
import type { Codebook, CodebookTag } from './annotationsProtocol';

export const CODEBOOK_FILE = '.transcript-lens/codebook.json';

export const DEFAULT_CODEBOOK: readonly CodebookTag[] = [
  { name: 'Guidance', color: '#4e79a7', description: 'What management expects: outlook, targets, ranges for coming periods.' },
  { name: 'KPI', color: '#59a14f', description: 'A key performance indicator reported or discussed.' },
  { name: 'Risk', color: '#e15759', description: 'A risk, headwind, uncertainty or weakness.' },
  { name: 'Capital return', color: '#b07aa1', description: 'Dividends, buybacks and other returns to shareholders.' },
  { name: 'Product', color: '#f28e2b', description: 'A new product, service, launch or roadmap item.' },
  { name: 'Competition', color: '#76b7b2', description: 'Competitors, market share, pricing pressure.' },
  { name: 'Tone', color: '#edc948', description: 'A change of tone: confidence, hedging, evasion.' },
];

/** Colours given to user tags that name none, in order. */
const FALLBACK_COLORS = ['#4e79a7', '#59a14f', '#e15759', '#b07aa1', '#f28e2b', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const SHORT_HEX_COLOR = /^#[0-9a-fA-F]{3}$/;

function normalizeColor(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const color = value.trim();
  if (HEX_COLOR.test(color)) return color.toLowerCase();
  if (SHORT_HEX_COLOR.test(color)) return `#${[...color.slice(1)].map((digit) => digit + digit).join('')}`.toLowerCase();
  return null;
}

/** Reads a code book (an array of tags, or { "tags": [...] }); null when it holds no usable tag. */
export function parseCodebook(raw: unknown, where: string, problems: string[]): CodebookTag[] | null {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { tags?: unknown }).tags : undefined;
  if (list === undefined || list === null) return null;
  if (!Array.isArray(list)) {
    problems.push(`${where}: expected an array of tags.`);
    return null;
  }
  const tags: CodebookTag[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const item = typeof entry === 'string' ? { name: entry } : entry;
    const name = item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name.trim() : '';
    if (!name) {
      problems.push(`${where}: tag ${index + 1} has no name.`);
      return;
    }
    if (seen.has(name.toLowerCase())) {
      problems.push(`${where}: the tag "${name}" is listed twice.`);
      return;
    }
    seen.add(name.toLowerCase());
    const record = item as { color?: unknown; description?: unknown };
    const color = normalizeColor(record.color);
    if (record.color !== undefined && !color) problems.push(`${where}: the colour of "${name}" is not #rrggbb.`);
    tags.push({
      name,
      color: color ?? FALLBACK_COLORS[tags.length % FALLBACK_COLORS.length],
      description: typeof record.description === 'string' ? record.description : '',
    });
  });
  return tags.length ? tags : null;
}

/** The book in force: the workspace file's tags, else the settings', else the built-in book. */
export function chooseCodebook(fromWorkspace: unknown, fromSettings: unknown, workspaceProblems: string[] = []): Codebook {
  const problems = [...workspaceProblems];
  const workspace = fromWorkspace === undefined ? null : parseCodebook(fromWorkspace, CODEBOOK_FILE, problems);
  if (workspace) return { tags: workspace, source: 'workspace', problems };
  const settings = fromSettings === undefined ? null : parseCodebook(fromSettings, 'transcriptLens.annotations.codebook', problems);
  if (settings) return { tags: settings, source: 'settings', problems };
  return { tags: DEFAULT_CODEBOOK.map((tag) => ({ ...tag })), source: 'default', problems };
}
