// Every unit a number may carry after it, one row each: how it is spelled, abbreviated and
// written as a symbol. The scanner's unit regexes, their opening characters and the grammar's
// unit lists are generated from this table, so a unit read by one is read by all.

export type UnitKind = 'percentagePoints' | 'percent' | 'basisPoints' | 'multiple';

export interface UnitFact {
  kind: UnitKind;
  /** The unit as the contract writes it. */
  unit: string;
  /**
   * Spelled out after a blank or a hyphen ("5 percent", "a 5-percent rise"). A blank inside may
   * be a hyphen too ("a 50-basis-point cut").
   */
  words: readonly string[];
  /** Abbreviations, glued or after a blank or a hyphen ("2ppt", "25 bps"). */
  abbreviations: readonly string[];
  /** Abbreviations read only glued to the number ("2pts", "3x"): alone they are too often a word or a name. */
  glued: readonly string[];
  /** Symbols, glued or after one blank ("5%", "5 %", "3×"). */
  symbols: readonly string[];
  /** CJK forms, glued or after one blank ("五個百分點"). */
  cjk: readonly string[];
  /** Its symbols are also operators between numbers ("a 3 × 4 grid"): before a number they are no unit. */
  operator?: boolean;
}

/** In the order a reader tries them: points before percent, whose words they start with. */
export const UNIT_FACTS: readonly UnitFact[] = [
  {
    kind: 'percentagePoints', unit: 'pp', words: ['percentage points', 'percentage point', 'percent points', 'percent point'], abbreviations: ['ppts', 'ppt', 'pps', 'pp'],
    glued: ['pts'], symbols: [], cjk: ['個百分點', '个百分点', '百分點', '百分点'],
  },
  { kind: 'percent', unit: '%', words: ['percent', 'per cent'], abbreviations: ['pct'], glued: [], symbols: ['%', '％'], cjk: [] },
  { kind: 'basisPoints', unit: 'bp', words: ['basis points', 'basis point'], abbreviations: ['bps', 'bp'], glued: [], symbols: [], cjk: [] },
  { kind: 'multiple', unit: 'x', words: ['times', 'fold'], abbreviations: [], glued: ['x'], symbols: ['×'], cjk: [], operator: true },
];

/** The row of a unit kind. */
export function unitFact(kind: UnitKind): UnitFact {
  return UNIT_FACTS.find((fact) => fact.kind === kind) as UnitFact;
}
