// Projects the engine's analysis to exactly the contract's JSON shape
// (../shared/spec/analysis-json.md): the CLI prints this, and nothing engine-only leaks out.
import type { Analysis, Bound, Change, FigureKind, SectionName, Severity, SpeakerKind } from './types';

export interface ContractTurn {
  speaker: string;
  role: string | null;
  affiliation: string | null;
  speakerKind: SpeakerKind;
  section: SectionName | null;
  line: number;
  endLine: number;
}

export interface ContractFigure {
  line: number;
  start: number;
  end: number;
  text: string;
  kind: FigureKind;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  approximate: boolean;
  bound: Bound | null;
  metric: string | null;
  change: Change | null;
}

export interface ContractDiagnostic {
  line: number;
  start: number;
  end: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface ContractAnalysis {
  file: string;
  turns: ContractTurn[];
  figures: ContractFigure[];
  diagnostics: ContractDiagnostic[];
}

export function toContractJson(file: string, analysis: Analysis): ContractAnalysis {
  return {
    file,
    turns: analysis.turns.map((t) => ({
      speaker: t.speaker,
      role: t.role,
      affiliation: t.affiliation,
      speakerKind: t.speakerKind,
      section: t.section,
      line: t.line,
      endLine: t.endLine,
    })),
    figures: analysis.figures.map((f) => ({
      line: f.line,
      start: f.start,
      end: f.end,
      text: f.text,
      kind: f.kind,
      value: f.value,
      min: f.min,
      max: f.max,
      unit: f.unit,
      approximate: f.approximate,
      bound: f.bound,
      metric: f.metric,
      change: f.change,
    })),
    diagnostics: analysis.diagnostics.map((d) => ({
      line: d.line,
      start: d.start,
      end: d.end,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  };
}
