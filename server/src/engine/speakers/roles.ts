// Roles, affiliations and speaker kinds: how the words after a speaker's name are read.
import type { SpeakerKind } from '../types';

/** Words that make a phrase a job title rather than a company or a sentence. */
const ROLE_WORD =
  /\b(?:Officer|Chief|CEO|CFO|COO|CTO|CIO|CMO|President|Chair(?:man|woman|person)?|Director|Head|Vice|VP|SVP|EVP|Manager|Analyst|Founder|Co-Founder|Partner|Treasurer|Secretary|Controller|Relations|Counsel|Lead|Principal|Strategist|Economist|Executive|Managing|General Manager|Editor|Reporter|Host|Moderator|Governor|Member|Senator|Representative|Commissioner|Spokes(?:person|man|woman)|Investor|IR|Associate|Researcher|Operator|Specialist|Engineer|Scientist|Leader|Owner|Deputy|Board)\b/i;

/** Title words of scripts without spaces, where \b cannot mark a word. */
const UNSPACED_ROLE_WORD = /首席|总裁|總裁|董事|经理|經理|主席|分析师|分析師|执行官|執行官|财务官|財務官|总监|總監|主管|投资者关系|投資者關係|秘书|秘書|创始人|創始人|合伙人|合夥人|主持人|行长|行長|社長|取締役|部長|アナリスト|대표|사장|애널리스트/;
const HOST_ROLE = /\b(?:investor relations|IR|moderator|host|communications|master of ceremonies)\b|投资者关系|投資者關係|主持人/i;
const ANALYST_ROLE = /\banalyst\b|分析师|分析師|アナリスト|애널리스트/i;
const OPERATOR_NAME = /^(?:(?:conference |call )?operator|coordinator)$/i;
const HOST_NAME = /^(?:moderator|host|interviewer|presenter)$/i;
const QUESTION_NAME = /^(?:q|question|questioner)$/i;
/** A speaker the transcriber could not name: a label of every provider. */
const UNIDENTIFIED_NAME = /^(?:unidentified|unknown) (?:analyst|participant|speaker|caller|company representative|audience member)$/i;
/** The court's own voices in a hearing transcript. */
const COURT_NAME = /^the (?:court|witness|clerk|bailiff|interpreter|reporter)$/i;
const ANSWER_NAME = /^(?:a|answer)$/i;
const WITNESS_NAME = /^the witness$/i;

export function hasRoleWord(text: string): boolean {
  return ROLE_WORD.test(text) || UNSPACED_ROLE_WORD.test(text);
}

/** "Q", "Question": the asking side of a Q&A summary or a deposition. */
export const isQuestionName = (name: string) => QUESTION_NAME.test(name);
/** "A", "Answer": the answering side. */
export const isAnswerName = (name: string) => ANSWER_NAME.test(name);

/** "THE WITNESS": in colloquy, the witness under examination speaks under this label. */
export const isWitnessName = (name: string) => WITNESS_NAME.test(name);

/** Labels that are speakers by what they do, not who they are (Operator, Q, A, Moderator, The Court). */
export function isFunctionalName(name: string): boolean {
  return OPERATOR_NAME.test(name) || HOST_NAME.test(name) || QUESTION_NAME.test(name) || ANSWER_NAME.test(name) || COURT_NAME.test(name) || UNIDENTIFIED_NAME.test(name);
}

/** A piece of the header after the name, with where it stands in the line. */
export interface HeaderPart {
  text: string;
  start: number;
}

/** Splits the parts written after a name into the role and the firm. */
export function assignRoleParts(parts: HeaderPart[]): { role: HeaderPart | null; affiliation: HeaderPart | null } {
  if (parts.length === 0) return { role: null, affiliation: null };
  // A lone part without a title word (`**Ines Park** -- *Northbridge Securities*`) names a firm.
  if (parts.length === 1) return hasRoleWord(parts[0].text) ? { role: parts[0], affiliation: null } : { role: null, affiliation: parts[0] };
  const first = parts[0];
  const last = parts[parts.length - 1];
  // "Title -- Firm" is rarer than "Firm -- Analyst", so only a title-first pair with a plain
  // firm second is read the other way round.
  if (hasRoleWord(first.text) && !hasRoleWord(last.text)) return { role: first, affiliation: last };
  return { role: last, affiliation: first };
}

export function speakerKindOf(name: string, role: string | null, affiliation: string | null): SpeakerKind {
  if (OPERATOR_NAME.test(name)) return 'operator';
  if (QUESTION_NAME.test(name)) return 'analyst';
  if (ANSWER_NAME.test(name)) return 'management';
  if (HOST_NAME.test(name)) return 'host';
  if (UNIDENTIFIED_NAME.test(name) && ANALYST_ROLE.test(name)) return 'analyst';
  if (role !== null) {
    if (ANALYST_ROLE.test(role)) return 'analyst';
    if (HOST_ROLE.test(role)) return 'host';
    return 'management';
  }
  return affiliation !== null ? 'analyst' : 'unknown';
}
