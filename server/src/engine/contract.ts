// Projects the engine's analysis to exactly the contract's JSON shape
// (../shared/spec/analysis-json.md): the CLI prints this, and nothing engine-only leaks out.
import type { Analysis, Diagnostic, Figure, Turn } from './types';

export const CONTRACT_TURN_KEYS = ['speaker', 'role', 'affiliation', 'speakerKind', 'section', 'line', 'endLine'] as const;
export const CONTRACT_FIGURE_KEYS = [
  'line', 'start', 'end', 'text', 'kind', 'value', 'min', 'max', 'unit', 'approximate', 'bound', 'metric', 'change',
] as const;
export const CONTRACT_DIAGNOSTIC_KEYS = ['line', 'start', 'end', 'severity', 'code', 'message'] as const;

export type ContractTurn = Pick<Turn, (typeof CONTRACT_TURN_KEYS)[number]>;
export type ContractFigure = Pick<Figure, (typeof CONTRACT_FIGURE_KEYS)[number]> & { currencyInferred?: true };
export type ContractDiagnostic = Pick<Diagnostic, (typeof CONTRACT_DIAGNOSTIC_KEYS)[number]>;

export interface ContractAnalysis {
  file: string;
  turns: ContractTurn[];
  figures: ContractFigure[];
  diagnostics: ContractDiagnostic[];
}

/** Copies exactly the listed keys, in the contract's order. */
function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = value[key];
  return picked;
}

export function toContractJson(file: string, analysis: Analysis): ContractAnalysis {
  return {
    file,
    turns: analysis.turns.map((turn) => pick(turn, CONTRACT_TURN_KEYS)),
    figures: analysis.figures.map((figure) => {
      const picked: ContractFigure = pick(figure, CONTRACT_FIGURE_KEYS);
      // The contract adds the key only where it is true.
      if (figure.currencyInferred) picked.currencyInferred = true;
      return picked;
    }),
    diagnostics: analysis.diagnostics.map((diagnostic) => pick(diagnostic, CONTRACT_DIAGNOSTIC_KEYS)),
  };
}
