// Every scale the engine knows, one row each: the words and abbreviations that multiply a
// number, in every script. The scale regexes, the range reader, the spelled-number reader and
// the grammar's lists are generated from this table.

export interface ScaleFact {
  factor: number;
  /** Spelled out, after a blank or a hyphen ("million", "lakh"). */
  words: readonly string[];
  /** Abbreviations, glued or after one blank ("bn", "Mio."). */
  abbreviations: readonly string[];
  /** Single letters, only glued to the number ("45k", "$2B"): alone they are too often a name or a unit. */
  letters: readonly string[];
  /** CJK scale characters, glued or after one blank ("20 億", "3萬"). */
  cjk: readonly string[];
}

export const SCALE_FACTS: readonly ScaleFact[] = [
  { factor: 1e2, words: ['hundred'], abbreviations: [], letters: [], cjk: ['百'] },
  { factor: 1e3, words: ['thousand'], abbreviations: [], letters: ['k'], cjk: ['千'] },
  { factor: 1e4, words: [], abbreviations: [], letters: [], cjk: ['万', '萬'] },
  { factor: 1e5, words: ['lakh', 'lakhs', 'lac', 'lacs'], abbreviations: [], letters: [], cjk: [] },
  { factor: 1e6, words: ['million'], abbreviations: ['mn', 'mln', 'Mio.', 'Mio'], letters: ['m', 'mm'], cjk: [] },
  { factor: 1e7, words: ['crore', 'crores'], abbreviations: ['cr'], letters: [], cjk: [] },
  { factor: 1e8, words: [], abbreviations: [], letters: [], cjk: ['亿', '億'] },
  { factor: 1e9, words: ['billion'], abbreviations: ['bn', 'bln', 'Mrd.', 'Mrd'], letters: ['b'], cjk: [] },
  { factor: 1e12, words: ['trillion'], abbreviations: ['tn', 'trn'], letters: [], cjk: ['兆'] },
];

/** Plural scale words that stand for an order of magnitude ("millions of users"). */
export const MAGNITUDE_FACTS: ReadonlyArray<[string, number]> = [
  ['hundreds', 1e2], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['trillions', 1e12],
];

/** Chinese numerals, for amounts such as 十億 or 三百萬. */
export const CJK_DIGITS: ReadonlyArray<[string, number]> = [
  ['〇', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['三', 3], ['四', 4], ['五', 5],
  ['六', 6], ['七', 7], ['八', 8], ['九', 9],
];

/** Chinese numerals that multiply inside a number (十 tens, 百 hundreds, 千 thousands). */
export const CJK_UNITS: ReadonlyArray<[string, number]> = [['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000]];
