// Chinese and Japanese numbers: numerals (一百二十, 十億, 三成), the qualifiers written before or
// after them (超過, 約, 以上) and the classifiers that make them counts (20 億個設備). Tables
// come from ../facts/scales.ts; every reader here walks characters, so nothing backtracks.
import { CJK_DIGITS, CJK_UNITS, SCALE_FACTS } from '../facts/scales';
import type { Bound } from '../types';

const DIGIT_VALUE: ReadonlyMap<string, number> = new Map(CJK_DIGITS);
const UNIT_VALUE: ReadonlyMap<string, number> = new Map(CJK_UNITS);
/** Scales that close a section of a number (萬, 億, 兆); 千 and 百 are units inside one. */
const BIG_SCALE: ReadonlyMap<string, number> = new Map(
  SCALE_FACTS.filter((f) => f.factor >= 1e4).flatMap((f) => f.cjk.map((c): [string, number] => [c, f.factor])),
);
/** 數 and 幾 ("several") before a unit make the number a range: 數十億 is 2–9 × 十億. */
const SEVERAL = new Set(['數', '数', '幾', '几']);

/** Where a run of CJK numerals may start. Global. */
export const CJK_NUMERAL = new RegExp(
  `[${[...DIGIT_VALUE.keys(), ...UNIT_VALUE.keys(), ...SEVERAL].join('')}][${[...DIGIT_VALUE.keys(), ...UNIT_VALUE.keys(), ...BIG_SCALE.keys(), ...SEVERAL].join('')}]*`,
  'g',
);

/** True when a line may hold a CJK numeral or full-width digit, so the CJK pass is worth running. */
export const MAY_HOLD_CJK = /[\u3007\u4e00-\u9fff\uff10-\uff19]/;

export interface CjkNumber {
  /** The value, or the low end when `several`. */
  value: number;
  /** For 數十億: the high end. */
  high: number | null;
  /** Whether a big scale (萬, 億, 兆) or a unit (十, 百, 千) was written: a lone 一 or 三 is a word, not a figure. */
  scaled: boolean;
}

/** Reads a run of CJK numerals ("一百二十", "十億", "三千五百萬", "數十億"); null when it is not a number. */
export function readCjkNumber(written: string): CjkNumber | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let several = false;
  let scaled = false;
  for (const c of written) {
    const d = DIGIT_VALUE.get(c);
    if (d !== undefined) {
      if (digit !== null) digit = digit * 10 + d;
      else digit = d;
      continue;
    }
    if (SEVERAL.has(c)) {
      several = true;
      digit = 1;
      continue;
    }
    const unit = UNIT_VALUE.get(c);
    if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      scaled = true;
      continue;
    }
    const big = BIG_SCALE.get(c);
    if (big === undefined) return null;
    section += digit ?? 0;
    total += (section || 1) * big;
    section = 0;
    digit = null;
    scaled = true;
  }
  const value = total + section + (digit ?? 0);
  if (!several) return { value, high: null, scaled };
  return { value: value * 2, high: value * 9, scaled };
}

/** Qualifiers written before a CJK amount, as a suffix of the text before it, to their meaning. */
const QUALIFIERS_BEFORE: ReadonlyArray<[string, { approximate: boolean; bound: Bound | null }]> = [
  ['超過', { approximate: false, bound: 'atLeast' }], ['超过', { approximate: false, bound: 'atLeast' }],
  ['逾', { approximate: false, bound: 'atLeast' }], ['多於', { approximate: false, bound: 'atLeast' }],
  ['多于', { approximate: false, bound: 'atLeast' }], ['至少', { approximate: false, bound: 'atLeast' }],
  ['不到', { approximate: false, bound: 'atMost' }], ['少於', { approximate: false, bound: 'atMost' }],
  ['少于', { approximate: false, bound: 'atMost' }], ['低於', { approximate: false, bound: 'atMost' }],
  ['低于', { approximate: false, bound: 'atMost' }], ['最多', { approximate: false, bound: 'atMost' }],
  ['大約', { approximate: true, bound: null }], ['大约', { approximate: true, bound: null }],
  ['約', { approximate: true, bound: null }], ['约', { approximate: true, bound: null }],
  ['接近', { approximate: true, bound: null }], ['近', { approximate: true, bound: null }],
];

/** The CJK qualifier right before offset (blanks skipped), or null. */
export function cjkQualifierBefore(text: string, offset: number): { written: string; approximate: boolean; bound: Bound | null } | null {
  let end = offset;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  for (const [written, meaning] of QUALIFIERS_BEFORE) {
    if (text.startsWith(written, end - written.length)) return { written, ...meaning };
  }
  return null;
}

/** Qualifiers written after a CJK amount (以上 "or more", 左右 "about"). Sticky. */
export const CJK_QUALIFIER_AFTER = /(以上|以下|左右)/y;

export function cjkQualifierAfterMeaning(written: string): { approximate: boolean; bound: Bound | null } {
  if (written === '以下') return { approximate: false, bound: 'atMost' };
  if (written === '左右') return { approximate: true, bound: null };
  return { approximate: false, bound: 'atLeast' };
}

/** A classifier after a number makes it a count of the noun after it (20 億個設備, 3 家公司), as does a counted noun right after it (數十億用戶). Sticky; group 1 or 2 is the noun. */
export const CJK_CLASSIFIER = /[ ]?(?:(?:個|个|家|名|位|台|輛|辆|件|款|座|間|间|户|戶)([\u4e00-\u9fff]{0,4})|(用戶|用户|客戶|客户|會員|会员|設備|设备|訂單|订单|門店|门店|員工|员工|買家|买家|商家|人次|人))/y;

/** 成 after a numeral is tenths ("三成" is 30%). Sticky. */
export const CJK_TENTHS = /成/y;

/** Multiples: 倍 ("3 倍" is three times). Sticky. */
export const CJK_MULTIPLE = /[ ]?倍/y;
