#!/usr/bin/env node
// Builds syntaxes/transcript.tmLanguage.json, the TextMate grammar of the transcript language, from
// the regex fragments below, so that a name, a timestamp or an amount is spelled once and shared
// by every rule that needs it. Run `node scripts/build-grammar.mjs` after editing this file;
// `--check` only reports whether the JSON is up to date (scripts/test-grammar.mjs checks it too).
//
// Every regex must compile under Oniguruma (what VS Code runs) and also parse as a JavaScript regex
// with the u flag, so that scripts/test-grammar.mjs can check it for catastrophic backtracking.
// That rules out \G, \h, (?i) and possessive or atomic groups; character classes spell out case.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const grammarPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes', 'transcript.tmLanguage.json');
const r = String.raw;

// A space, a tab or a no-break space.
const SP = r`[ \t\u00a0]`;
const WORD = r`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const PARTICLE = r`(?:de|da|di|del|der|van|von|la|le|du|bin|al)(?=[ \t])`;
const NAME = r`${WORD}(?:[ \t]+(?:${WORD}|${PARTICLE})){0,5}(?:[ \t]+\d{1,3})?`;
// A name in a script without capitals (Chinese, Japanese, Korean…): a short run of letters.
const UNCASED_NAME = r`\p{Lo}[\p{Lo}·・]{0,7}`;
// A full name of two words or more, where one capitalised word before a comma is too often prose.
const FULL_NAME = r`${WORD}(?:[ \t]+(?:${WORD}|${PARTICLE})){1,5}`;
// Labels that end in a colon without being anyone's turn.
const NOT_SPEAKER_LABEL = r`(?:Note|Notes|Source|Sources|Duration|Date|Time|Location|Ticker|Subject|Agenda|Topic|Re|Call [Dd]ate|Call [Tt]ime)`;
const TS = r`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const DASH = r`--|—|–|-`;
// A run of words none of which is a dash, so a title splits unambiguously at its separators.
const TITLE_WORD = r`[^\s*\-—–\[][^\s*]*`;
// At most twelve words: titles are short, and a longer run is a sentence that happens to hold a dash.
const TITLE_SEGMENT = r`${TITLE_WORD}(?:[ \t]+${TITLE_WORD}){0,11}`;
const AMOUNT = r`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
// Not inside a word, a decimal or a code such as COVID-19.
const BEFORE_NUMBER = r`(?<![\p{L}\p{N}_.,]|[\p{L}\p{N}]-)`;
const AFTER_WORD = r`(?![\p{L}\p{N}_])`;
// Between a number and a spelled unit: nothing, a space, or a hyphen as in "a 2-percentage-point gain".
const UNIT_GAP = r`(?:${SP}|-)?`;
// Currencies and scales come from the engine's facts tables (server/src/engine/facts/), compiled
// by `tsc -b` into out/, so the grammar and the engine know the same marks. Only Latin-script
// marks and symbols are listed: a CJK mark glued to a CJK word cannot be bounded here.
const outFacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'server', 'src', 'engine', 'facts');
const require = createRequire(import.meta.url);
let facts;
try {
  facts = { ...require(join(outFacts, 'currencies.js')), ...require(join(outFacts, 'scales.js')), ...require(join(outFacts, 'units.js')) };
} catch {
  throw new Error('scripts/build-grammar.mjs reads the facts tables from out/: run `npx tsc -b` first');
}
const escapeLiteral = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]');
const longestFirst = (items) => [...new Set(items)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const isLatin = (text) => /^[A-Za-z]/.test(text);
const isAsciiMark = (text) => /^[\x20-\x7e]+$/.test(text);
// A lower-case word also starts a sentence or a title: its first letter in both cases.
const bothCases = (text) => (/^[a-z]/.test(text) ? `[${text[0].toUpperCase()}${text[0]}]${escapeLiteral(text.slice(1))}` : escapeLiteral(text));
const realCurrencies = facts.CURRENCIES.filter((c) => /^[A-Z]{3}$/.test(c.iso));
const beforeMarks = facts.CURRENCIES.flatMap((c) => c.before);
// Units come from the same table as the engine's: a spelled unit may be hyphenated ("a
// 50-basis-point cut"), so each blank inside it is blanks or a hyphen.
const unitFact = (kind) => facts.UNIT_FACTS.find((fact) => fact.kind === kind);
const spelledUnit = (form) => form.split(' ').map(bothCases).join(`(?:${SP}+|-)`);
const UNIT_SPELLED = (kind) => longestFirst([...unitFact(kind).words, ...unitFact(kind).abbreviations]).map(spelledUnit).join('|');
const UNIT_SYMBOL = (kind) => longestFirst([...unitFact(kind).symbols, ...unitFact(kind).glued]).map(escapeLiteral).join('|');
const SCALE_WORD = longestFirst(facts.SCALE_FACTS.flatMap((f) => [...f.words, ...f.abbreviations])).map(bothCases).join('|');
const SCALE_LETTER = longestFirst(facts.SCALE_FACTS.flatMap((f) => f.letters.flatMap((l) => [l, l.toUpperCase()]))).join('|');
const ISO = longestFirst([...realCurrencies.map((c) => c.iso), ...beforeMarks.filter((m) => /^[A-Z]{3}$/.test(m))]).join('|');
// "US$", "HK$", "S$": the letters before a dollar sign.
const DOLLAR_PREFIXES = longestFirst(beforeMarks.filter((m) => m.endsWith('$') && m.length > 1 && isAsciiMark(m)).map((m) => m.slice(0, -1))).map(escapeLiteral).join('|');
const SYMBOLS = [...new Set([...beforeMarks, ...facts.CURRENCIES.flatMap((c) => c.after)].filter((m) => m.length === 1 && !isLatin(m) && m !== '$' && m.codePointAt(0) < 0x2e80))].join('');
const WORD_MARKS = longestFirst(beforeMarks.filter((m) => isLatin(m) && !m.endsWith('$') && !/^[A-Z]{3}$/.test(m) && isAsciiMark(m))).map(escapeLiteral).join('|');
const CURRENCY_PREFIX = r`(?:${DOLLAR_PREFIXES})?(\\)?\$|[${SYMBOLS}]|${WORD_MARKS}|(?:${ISO})`;
// How a figure can begin, without capture groups, for lookaheads.
const FIGURE_START = r`(?:[\p{N}$${SYMBOLS}\\]|(?:${DOLLAR_PREFIXES})\$|(?:${WORD_MARKS})[ \t]?\d|(?:${ISO})(?![\p{L}]))`;
const CURRENCY_WORD = longestFirst([
  ...facts.CURRENCIES.flatMap((c) => c.after).filter((m) => isLatin(m) && isAsciiMark(m) && !/^[A-Z]{3}$/.test(m)),
  ...facts.SUBUNITS.map((s) => s.word),
]).map(bothCases).concat(ISO).join('|');
const SECTION = r`[Qq]uestions?${SP}*(?:&|and)${SP}*[Aa]nswers?(?:${SP}+[Ss]ession)?|[Qq]uestion-and-[Aa]nswer${SP}+[Ss]ession|Q${SP}*&${SP}*A(?:${SP}+[Ss]ession)?|[Pp]repared${SP}+[Rr]emarks|[Pp]resentation|[Oo]pening${SP}+[Rr]emarks|[Cc]losing${SP}+[Rr]emarks|(?:[Cc]orporate${SP}+|[Cc]onference${SP}+[Cc]all${SP}+|[Cc]all${SP}+)?[Pp]articipants|[Ee]xecutives|[Aa]nalysts|[Mm]anagement${SP}+[Dd]iscussion|[Ss]afe${SP}+[Hh]arbor(?:${SP}+[Ss]tatement)?|[Dd]isclaimer`;
const ANNOTATION_WORDS = r`[Ii]naudible|[Ff]oreign [Ll]anguage|[Aa]udio [Gg]ap|[Oo]perator [Ii]nstructions|[Cc]rosstalk|[Ll]aughter|[Ii]ndiscernible|[Uu]nintelligible|[Tt]echnical [Dd]ifficult(?:y|ies)|[Pp]ause|[Mm]usic|[Aa]pplause|[Ss]ilence|[Bb]reak|[Ii]nterpreted|[Tt]ranslated|[Ee]nd of Q&A|[Ss]ic`;

/** A capture that gets punctuation.<kind>.transcript. */
const p = (kind) => ({ name: `punctuation.${kind}.transcript` });
/** A capture that gets <scope>.transcript. */
const s = (scope) => ({ name: `${scope}.transcript` });
/** A capture whose text is tokenized again for figures, annotations, emphasis and the like. */
const inline = { patterns: [{ include: '#inline' }] };
const SPEAKER = 'entity.name.type.speaker';

export function buildGrammar() {
    return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Transcript',
    scopeName: 'text.transcript',
    fileTypes: ['transcript'],
    patterns: [
      { include: '#comment' },
      { include: '#webvtt' },
      { include: '#separator' },
      { include: '#section-heading' },
      { include: '#operator-line' },
      { include: '#speaker-header' },
      { include: '#speaker-header-comma' },
      { include: '#qa-marker' },
      { include: '#turn-line' },
      { include: '#heading' },
      { include: '#inline' },
    ],
    repository: {
      comment: {
        name: 'comment.block.html.transcript',
        begin: '<!--',
        end: '-->',
        beginCaptures: { 0: p('definition.comment') },
        endCaptures: { 0: p('definition.comment') },
      },
      webvtt: {
        patterns: [
          { name: 'meta.header.webvtt.transcript', match: r`^(WEBVTT)\b(.*)$`, captures: { 1: s('keyword.other.webvtt'), 2: s('comment.line.webvtt') } },
          {
            name: 'meta.cue-timing.webvtt.transcript',
            match: r`^(${TS})[ \t]+(-->)[ \t]+(${TS})(.*)$`,
            captures: { 1: s('constant.numeric.timestamp'), 2: p('separator.arrow'), 3: s('constant.numeric.timestamp'), 4: s('comment.line.cue-settings') },
          },
        ],
      },
      separator: { name: 'meta.separator.transcript', match: r`^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$` },
      'section-heading': {
        comment: 'Whole lines only, so a sentence that mentions Q&A stays prose.',
        name: 'markup.heading.section.transcript',
        match: r`^(?:(#{1,6})[ \t]+)?(\*\*)?(${SECTION})(\*\*)?(:)?(\*\*)?[ \t]*$`,
        captures: { 1: p('definition.heading'), 2: p('definition.bold'), 3: s('entity.name.section'), 4: p('definition.bold'), 5: p('separator.section'), 6: p('definition.bold') },
      },
      'operator-line': {
        comment: 'The conference operator, alone on its line: heading, bold or plain, with an optional turn number.',
        name: 'meta.speaker-header.operator.transcript',
        match: r`^(?:(#{1,6})[ \t]+)?(\*\*)?(Operator)(\*\*)?(?:[ \t]*(:))?(?:[ \t]+(\[)(\d{1,4})(\]))?[ \t]*$`,
        captures: {
          1: p('definition.heading'),
          2: p('definition.bold'),
          3: s(`${SPEAKER}.operator`),
          4: p('definition.bold'),
          5: p('separator.speaker'),
          6: p('definition.turn-number.begin'),
          7: s('comment.line.turn-number'),
          8: p('definition.turn-number.end'),
        },
      },
      'speaker-header': {
        comment: 'Name -- Title or Name -- Firm -- Role, optionally under a Markdown heading, in bold, with the title in italics.',
        name: 'meta.speaker-header.transcript',
        match: r`^(?:(#{1,6})[ \t]+)?(?:(\*\*)(${NAME})(\*\*)|(${NAME}))[ \t]+(${DASH})[ \t]+(\*)?(?=\p{Lu})(?:(${TITLE_SEGMENT})[ \t]+(${DASH})[ \t]+)?(${TITLE_SEGMENT})(\*)?[ \t]*$`,
        captures: {
          1: p('definition.heading'),
          2: p('definition.bold'),
          3: s(SPEAKER),
          4: p('definition.bold'),
          5: s(SPEAKER),
          6: p('separator.speaker'),
          7: p('definition.italic'),
          8: s('entity.other.inherited-class.firm'),
          9: p('separator.speaker'),
          10: s('entity.other.attribute-name.role'),
          11: p('definition.italic'),
        },
      },
      'speaker-header-comma': {
        comment: 'Name, Firm - Role [3], the layout of wire-service transcripts, with an optional turn number.',
        name: 'meta.speaker-header.transcript',
        match: r`^(${FULL_NAME})(,)[ \t]+(?=[\p{Lu}\p{N}])(${TITLE_SEGMENT})[ \t]+(${DASH})[ \t]+(?=\p{Lu})(${TITLE_SEGMENT})(?:[ \t]+(\[)(\d{1,4})(\]))?[ \t]*$`,
        captures: {
          1: s(SPEAKER),
          2: p('separator.speaker'),
          3: s('entity.other.inherited-class.firm'),
          4: p('separator.speaker'),
          5: s('entity.other.attribute-name.role'),
          6: p('definition.turn-number.begin'),
          7: s('comment.line.turn-number'),
          8: p('definition.turn-number.end'),
        },
      },
      'qa-marker': {
        comment: 'Q: and A: open turns (the engine reports their speakers as Q and A), so they take speaker scopes.',
        patterns: [
          {
            name: 'meta.qa.bold.transcript markup.bold.transcript',
            begin: r`^(\*\*)(?:(Q)|(A))([:.])(?=[ \t])`,
            end: r`(\*\*)|$`,
            beginCaptures: { 1: p('definition.bold'), 2: s(`${SPEAKER}.question`), 3: s(`${SPEAKER}.answer`), 4: p('separator.qa') },
            endCaptures: { 1: p('definition.bold') },
            patterns: [{ include: '#inline' }],
          },
          {
            name: 'meta.qa.transcript',
            match: r`^(?:(Q)|(A))([:.])(?=[ \t])(.*)$`,
            captures: { 1: s(`${SPEAKER}.question`), 2: s(`${SPEAKER}.answer`), 3: p('separator.qa'), 4: inline },
          },
        ],
      },
      'turn-line': {
        comment: 'Name: text (also Speaker 2: and a full-width colon, 陈晓岚：), with an optional [00:12:34] before the name and an optional (00:12:34) or (Firm) after it; labels such as Note: and metric lines such as Revenue: $5 billion are not turns.',
        name: 'meta.turn.transcript',
        match: r`^(?!(?:\*\*)?${NOT_SPEAKER_LABEL}(?:\*\*)?:)(?:(\[)(${TS})(\])[ \t]+)?(\*\*)?(${NAME}|${UNCASED_NAME})(?:[ \t]+(\()(?:(${TS})|([^()\n]{1,80}))(\)))?(?:(\*\*)([:：])|([:：])(\*\*)?)(?:(?<=：)|(?=[ \t]|$))(?![ \t]+${FIGURE_START})(.*)$`,
        captures: {
          1: p('definition.timestamp.begin'),
          2: s('constant.numeric.timestamp'),
          3: p('definition.timestamp.end'),
          4: p('definition.bold'),
          5: { name: `${SPEAKER}.transcript`, patterns: [{ include: '#operator-name' }] },
          6: p('definition.parenthesis.begin'),
          7: s('constant.numeric.timestamp'),
          8: s('entity.other.inherited-class.firm'),
          9: p('definition.parenthesis.end'),
          10: p('definition.bold'),
          11: p('separator.speaker'),
          12: p('separator.speaker'),
          13: p('definition.bold'),
          14: inline,
        },
      },
      'operator-name': {
        comment: 'Marks Operator inside a turn line so it looks like the standalone operator lines.', name: `${SPEAKER}.operator.transcript`, match: r`(?<![\p{L}])Operator(?![\p{L}])` },
      heading: {
        comment: 'Any other Markdown heading, such as the call title.',
        name: 'markup.heading.transcript',
        match: r`^(#{1,6})[ \t]+(\S.*)?$`,
        captures: { 1: p('definition.heading'), 2: { name: 'entity.name.section.transcript', patterns: [{ include: '#inline' }] } },
      },
      inline: {
        patterns: [
          { include: '#comment' },
          { include: '#link' },
          { include: '#annotation' },
          { include: '#timestamp' },
          { include: '#voice-tag' },
          { include: '#figure' },
          { include: '#emphasis' },
        ],
      },
      link: {
        name: 'meta.link.inline.transcript',
        match: r`(\[)([^\[\]\n]{0,200})(\])(\()([^()\[\]\s]{1,500})(\))`,
        captures: {
          1: p('definition.link.title.begin'),
          2: s('string.other.link.title'),
          3: p('definition.link.title.end'),
          4: p('definition.metadata'),
          5: s('markup.underline.link'),
          6: p('definition.metadata'),
        },
      },
      annotation: {
        comment: 'Editorial notes such as [Inaudible]; a bracket followed by ( is a Markdown link, not a note.',
        patterns: [
          {
            name: 'comment.block.annotation.transcript',
            match: r`(\[)((?:${ANNOTATION_WORDS})[^\[\]\n]{0,80})(\])`,
            captures: { 1: p('definition.annotation.begin'), 2: s('meta.annotation.text'), 3: p('definition.annotation.end') },
          },
          {
            name: 'comment.block.annotation.editorial.transcript',
            match: r`(\[)([\p{L}][^\[\]\n]{0,80})(\])(?!\()`,
            captures: { 1: p('definition.annotation.begin'), 2: s('meta.annotation.text'), 3: p('definition.annotation.end') },
          },
        ],
      },
      timestamp: {
        comment: 'Two digits after each colon, so a 3:1 ratio is no timestamp.',
        patterns: [
          {
            name: 'meta.timestamp.bracketed.transcript',
            match: r`(\[|\()(${TS})(\]|\))`,
            captures: { 1: p('definition.timestamp.begin'), 2: s('constant.numeric.timestamp'), 3: p('definition.timestamp.end') },
          },
          { name: 'constant.numeric.timestamp.transcript', match: r`(?<![\p{N}:.])${TS}(?![\p{N}:])` },
        ],
      },
      'voice-tag': {
        comment: 'WebVTT voice spans: <v Name> and <v.class Name> open the cue text of a speaker, </v> closes it.',
        patterns: [
          {
            name: 'meta.tag.voice.webvtt.transcript',
            match: r`(<)(v)(?:(\.)([\w.\-]+))?[ \t]+([^<>\s][^<>\n]*)(>)`,
            captures: { 1: p('definition.tag.begin'), 2: s('entity.name.tag.voice'), 3: p('separator.class'), 4: s('entity.other.attribute-name.class'), 5: s(SPEAKER), 6: p('definition.tag.end') },
          },
          {
            name: 'meta.tag.voice.webvtt.transcript',
            match: r`(</)(v)(>)`,
            captures: { 1: p('definition.tag.begin'), 2: s('entity.name.tag.voice'), 3: p('definition.tag.end') },
          },
        ],
      },
      figure: {
        comment: 'Order matters: at the same start, money with a currency wins over a bare percent, scale or number.',
        patterns: [
          { include: '#figure-money-prefixed' },
          { include: '#figure-money-suffixed' },
          { include: '#figure-percent' },
          { include: '#figure-multiple' },
          { include: '#figure-scaled' },
          { include: '#figure-plain' },
        ],
      },
      'figure-money-prefixed': {
        name: 'meta.figure.money.transcript',
        match: r`(?<![\p{L}\p{N}_$\\])(${CURRENCY_PREFIX})${SP}?(${AMOUNT})(?:${SP}?(${SCALE_WORD})|(${SCALE_LETTER}))?${AFTER_WORD}`,
        captures: {
          1: s('constant.other.currency'),
          2: s('constant.character.escape'),
          3: s('constant.numeric.figure.amount'),
          4: s('keyword.other.unit.scale'),
          5: s('keyword.other.unit.scale'),
        },
      },
      'figure-money-suffixed': {
        name: 'meta.figure.money.transcript',
        match: r`${BEFORE_NUMBER}(${AMOUNT})(?:${SP}?(${SCALE_WORD})|(${SCALE_LETTER}))?${SP}?(${CURRENCY_WORD})${AFTER_WORD}`,
        captures: {
          1: s('constant.numeric.figure.amount'),
          2: s('keyword.other.unit.scale'),
          3: s('keyword.other.unit.scale'),
          4: s('constant.other.currency'),
        },
      },
      'figure-percent': {
        name: 'meta.figure.percent.transcript',
        match: r`${BEFORE_NUMBER}(${AMOUNT})(?:${SP}?(${UNIT_SYMBOL('percent')})|${UNIT_GAP}(${UNIT_SPELLED('percentagePoints')})(?![\p{L}])|${UNIT_GAP}(${UNIT_SPELLED('percent')})(?![\p{L}])|${UNIT_GAP}(${UNIT_SPELLED('basisPoints')})(?![\p{L}]))`,
        captures: {
          1: s('constant.numeric.figure.amount'),
          2: s('keyword.other.unit.percent'),
          3: s('keyword.other.unit.percent.point'),
          4: s('keyword.other.unit.percent'),
          5: s('keyword.other.unit.percent.basis-point'),
        },
      },
      'figure-multiple': {
        name: 'meta.figure.multiple.transcript',
        match: r`${BEFORE_NUMBER}(${AMOUNT})(${UNIT_SYMBOL('multiple')})${AFTER_WORD}`,
        captures: { 1: s('constant.numeric.figure.amount'), 2: s('keyword.other.unit.multiple') },
      },
      'figure-scaled': {
        comment: 'Only spelled-out scales: a bare 5m or 3M is too often a name or a unit of length.',
        name: 'meta.figure.scaled.transcript',
        match: r`${BEFORE_NUMBER}(${AMOUNT})${SP}?(${SCALE_WORD})${AFTER_WORD}`,
        captures: { 1: s('constant.numeric.figure.amount'), 2: s('keyword.other.unit.scale') },
      },
      'figure-plain': {
        name: 'constant.numeric.figure.transcript',
        match: r`${BEFORE_NUMBER}(?:${AMOUNT})${AFTER_WORD}`,
      },
      emphasis: {
        comment: 'Each span ends at the end of its line, so an unmatched star never colours the rest of the document.',
        patterns: [
          {
            name: 'markup.bold.transcript',
            begin: r`(?<![\\*])(\*\*)(?=[^\s*])`,
            end: r`(?<=[^\s\\])(\*\*)|$`,
            captures: { 1: p('definition.bold') },
            patterns: [{ include: '#inline' }],
          },
          {
            name: 'markup.italic.transcript',
            begin: r`(?<![\\*\p{L}\p{N}])(\*)(?=[^\s*])`,
            end: r`(?<=[^\s*\\])(\*)(?!\*)|$`,
            captures: { 1: p('definition.italic') },
            patterns: [{ include: '#inline' }],
          },
          {
            name: 'markup.italic.transcript',
            begin: r`(?<![\\\p{L}\p{N}_])(_)(?=[^\s_])`,
            end: r`(?<=[^\s_\\])(_)(?![\p{L}\p{N}_])|$`,
            captures: { 1: p('definition.italic') },
            patterns: [{ include: '#inline' }],
          },
        ],
      },
    },
  };
}

/** The grammar as the JSON text VS Code reads. */
export function grammarJson() {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const upToDate = readFileSync(grammarPath, 'utf8') === grammarJson();
  if (process.argv.includes('--check')) {
    console.log(upToDate ? 'syntaxes/transcript.tmLanguage.json is up to date' : 'syntaxes/transcript.tmLanguage.json is out of date: run node scripts/build-grammar.mjs');
    process.exit(upToDate ? 0 : 1);
  }
  writeFileSync(grammarPath, grammarJson());
  console.log(upToDate ? 'syntaxes/transcript.tmLanguage.json was already up to date' : 'wrote syntaxes/transcript.tmLanguage.json');
}
