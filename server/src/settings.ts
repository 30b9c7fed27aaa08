// The user's "transcriptLens" settings, read through workspace/configuration and checked
// field by field: a hand-edited settings.json must never make the server throw.
import { DEFAULT_MAX_DOCUMENT_SIZE } from './engine';
import type { Severity } from './engine';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  detectionEnabled: boolean;
  inlayHintsEnabled: boolean;
  /** Per diagnostic code; codes not listed keep the engine's severity. */
  severity: Record<string, SeveritySetting>;
  glossary: Record<string, string[]>;
  reportingCurrency: string | null;
  /** Units of the reporting currency that one unit of each currency is worth. */
  exchangeRates: Record<string, number>;
  maxDocumentSize: number;
}

export const SETTINGS_SECTION = 'transcriptLens';

export const DEFAULT_SETTINGS: Settings = {
  detectionEnabled: true,
  inlayHintsEnabled: false,
  severity: {},
  glossary: {},
  reportingCurrency: null,
  exchangeRates: {},
  maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
};

const SEVERITY_SETTINGS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(raw: Record<string, unknown>, dottedKey: string): unknown {
  // VS Code answers with nested objects; other clients may send flat dotted keys.
  if (dottedKey in raw) return raw[dottedKey];
  let value: unknown = raw;
  for (const part of dottedKey.split('.')) {
    if (!isRecord(value)) return undefined;
    value = value[part];
  }
  return value;
}

function pickEntries<T>(value: unknown, accept: (entry: unknown) => entry is T): Record<string, T> {
  const result: Record<string, T> = {};
  if (!isRecord(value)) return result;
  for (const [key, entry] of Object.entries(value)) if (accept(entry)) result[key] = entry;
  return result;
}

const isSeveritySetting = (entry: unknown): entry is SeveritySetting =>
  typeof entry === 'string' && SEVERITY_SETTINGS.includes(entry);
const isPhraseList = (entry: unknown): entry is string[] =>
  Array.isArray(entry) && entry.every((phrase) => typeof phrase === 'string');
const isRate = (entry: unknown): entry is number => typeof entry === 'number' && Number.isFinite(entry) && entry > 0;

/** Reads a raw configuration answer; anything missing or malformed falls back to the default. */
export function parseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const boolean = (key: string, fallback: boolean): boolean => {
    const value = child(raw, key);
    return typeof value === 'boolean' ? value : fallback;
  };
  const currency = child(raw, 'reportingCurrency');
  const maxSize = child(raw, 'maxDocumentSize');
  const rates = pickEntries(child(raw, 'exchangeRates'), isRate);
  return {
    detectionEnabled: boolean('detection.enabled', DEFAULT_SETTINGS.detectionEnabled),
    inlayHintsEnabled: boolean('inlayHints.enabled', DEFAULT_SETTINGS.inlayHintsEnabled),
    severity: pickEntries(child(raw, 'diagnostics.severity'), isSeveritySetting),
    glossary: pickEntries(child(raw, 'metrics.glossary'), isPhraseList),
    reportingCurrency: typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null,
    exchangeRates: Object.fromEntries(Object.entries(rates).map(([code, rate]) => [code.toUpperCase(), rate])),
    maxDocumentSize: typeof maxSize === 'number' && Number.isFinite(maxSize) && maxSize > 0 ? maxSize : DEFAULT_SETTINGS.maxDocumentSize,
  };
}
