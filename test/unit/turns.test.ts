// Speaker turns: every layout of issue 3, the things that look like headers and are not,
// one speaker across spellings, roles carried to bare headers, exact name spans, sections.
import * as assert from 'node:assert/strict';
import { splitLines } from '../../server/src/engine';
import type { Turn } from '../../server/src/engine';
import { readTurns } from '../../server/src/engine/turns';

const read = (text: string) => readTurns(splitLines(text));
const turnsOf = (text: string) => read(text).turns;
const speakers = (text: string) => turnsOf(text).map((turn) => turn.speaker);
const starts = (text: string) => turnsOf(text).map((turn) => turn.line);

/** The characters a span covers, read back from the text. */
function spanText(text: string, span: { line: number; start: number; end: number } | null): string | null {
  return span ? splitLines(text)[span.line].slice(span.start, span.end) : null;
}

function only(turns: Turn[], speaker: string): Turn[] {
  return turns.filter((turn) => turn.speaker === speaker);
}

describe('speaker turns', () => {
  describe('layouts', () => {
    it('reads Markdown headers of any level, with or without bold', () => {
      const text = [
        '### **Mara Lindqvist** -- Chief Executive Officer',
        'Revenue rose 12% to $4.1 billion.',
        '# Tomas Reyes -- Chief Financial Officer',
        'Margin was 31.4%.',
        '###### **Jonas Ekberg** -- Head of Investor Relations',
        'That concludes our remarks.',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.line, t.endLine]), [
        ['Mara Lindqvist', 'Chief Executive Officer', 0, 1],
        ['Tomas Reyes', 'Chief Financial Officer', 2, 3],
        ['Jonas Ekberg', 'Head of Investor Relations', 4, 5],
      ]);
      assert.equal(turns[2].speakerKind, 'host');
    });

    it('reads bold lines with an italic firm and role', () => {
      const turn = turnsOf('**Ines Park** -- *Northbridge Securities -- Analyst*\n\nThanks for taking my question.')[0];
      assert.equal(turn.speaker, 'Ines Park');
      assert.equal(turn.role, 'Analyst');
      assert.equal(turn.affiliation, 'Northbridge Securities');
      assert.equal(turn.speakerKind, 'analyst');
    });

    it('reads a lone firm after a marked name as an analyst\'s affiliation', () => {
      const text = '### **Ines Park** -- *Northbridge Securities*\nThanks for taking my question.';
      const turn = turnsOf(text)[0];
      assert.deepEqual([turn.role, turn.affiliation, turn.speakerKind], [null, 'Northbridge Securities', 'analyst']);
      assert.equal(spanText(text, turn.affiliationSpan), 'Northbridge Securities');
    });

    it('reads "Question:" and "Answer:" labels, but not one side alone', () => {
      const text = 'Question: How is demand?\nAnswer: Strong, up 12%.\nQuestion: And margins?\nAnswer: Stable at 31%.';
      assert.deepEqual(turnsOf(text).map((t) => t.speakerKind), ['analyst', 'management', 'analyst', 'management']);
      assert.deepEqual(turnsOf('Answer: 42.\nAnswer: 43.'), []);
    });

    it('reads plain "Name -- Title" and "Name -- Firm -- Analyst" lines', () => {
      const text = 'Henrik Solberg -- Chief Executive Officer\n\nOutput rose 8%.\n\nMarcus Webb -- Lindqvist Capital -- Analyst\n\nHow sensitive is cash flow?';
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind]), [
        ['Henrik Solberg', 'Chief Executive Officer', null, 'management'],
        ['Marcus Webb', 'Analyst', 'Lindqvist Capital', 'analyst'],
      ]);
    });

    for (const operator of ['Operator', '**Operator**', '### Operator', '#### **Operator**', 'Operator:', '**Operator:**', 'OPERATOR:']) {
      it(`reads "${operator}" as the operator`, () => {
        const turns = turnsOf(`${operator}\n\nYour first question comes from Ines Park. Please go ahead.`);
        assert.equal(turns.length, 1);
        assert.equal(turns[0].speakerKind, 'operator');
      });
    }

    it('reads Q&A summaries: a bold question line and an answer with continuation paragraphs', () => {
      const text = [
        '**Q&A Session**',
        '**Q: How durable is demand beyond two quarters?**',
        'A: Visibility is better than ever. Top customers committed 70% of volume.',
        'Pricing rose 8% and should hold.',
        '**Q: What about margins?**',
        'A: Gross margin was 58.2%.',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.speakerKind, t.line, t.endLine, t.section]), [
        ['Q', 'analyst', 1, 1, 'Questions & Answers'],
        ['A', 'management', 2, 3, 'Questions & Answers'],
        ['Q', 'analyst', 4, 4, 'Questions & Answers'],
        ['A', 'management', 5, 5, 'Questions & Answers'],
      ]);
    });

    it('reads "Name: text" lines, one turn per line, with unlabelled continuation paragraphs', () => {
      const text = [
        'Anneli Virtanen: Welcome to the results call.',
        'Rasmus Holt: Revenue was NOK 3.4 billion, up 11%.',
        '',
        'Utilization reached 94%.',
        'Anneli Virtanen: Thank you, Rasmus.',
        'Sofie Lang: How much of the fuel cost can you pass on?',
        'Rasmus Holt: About two-thirds.',
      ].join('\n');
      assert.deepEqual(starts(text), [0, 1, 4, 5, 6]);
      assert.deepEqual(turnsOf(text)[1].endLine, 3);
      assert.deepEqual(speakers(text), ['Anneli Virtanen', 'Rasmus Holt', 'Anneli Virtanen', 'Sofie Lang', 'Rasmus Holt']);
    });

    it('reads a name alone on its line when a participants roster gives the role', () => {
      const text = [
        'Corporate Participants',
        'Leah Okafor - Chief Executive Officer',
        'Conference Call Participants',
        'Yuki Tanabe - Meridian Research - Analyst',
        '',
        'Operator',
        'Welcome to the call.',
        'Leah Okafor',
        'Recurring revenue reached $880 million.',
        'Yuki Tanabe',
        'Is 27% growth sustainable?',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.line, t.role, t.affiliation, t.speakerKind]), [
        ['Operator', 5, null, null, 'operator'],
        ['Leah Okafor', 7, 'Chief Executive Officer', null, 'management'],
        ['Yuki Tanabe', 9, 'Analyst', 'Meridian Research', 'analyst'],
      ]);
      assert.equal(turns[1].roleSpan, null, 'the role is not written in a bare header');
    });

    it('reads a Markdown roster with bullets and "Name, Title" entries', () => {
      const text = '## Call Participants\n\n* Leah Okafor, Chief Executive Officer\n- Bruno Salgado -- Chief Financial Officer\n\n**Leah Okafor**\n\nHello.\n\n**Bruno Salgado**\n\nThanks.';
      assert.deepEqual(turnsOf(text).map((t) => [t.speaker, t.line, t.role]), [
        ['Leah Okafor', 5, 'Chief Executive Officer'],
        ['Bruno Salgado', 9, 'Chief Financial Officer'],
      ]);
    });

    it('does not take a name alone on its line for a speaker when nothing names that person', () => {
      assert.deepEqual(turnsOf('Harbor Freight Lines\n\nRevenue rose 7% to $2.3 billion.'), []);
      assert.deepEqual(turnsOf('## Getting Started\n\nInstall the package.\n\n## Usage\n\nRun it.'), []);
    });

    it('reads "Name, Company - Title [n]" headers and the firm of everyone they name', () => {
      const text = [
        'Operator [1]',
        ' Welcome.',
        'Marta Kowalczyk, Brightwell Retail Group - CEO [2]',
        ' Sales grew 3.8%.',
        'Noor Haddad, Cardinal Securities - Analyst [3]',
        ' What is the wage headwind?',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind]), [
        ['Operator', null, null, 'operator'],
        ['Marta Kowalczyk', 'CEO', 'Brightwell Retail Group', 'management'],
        ['Noor Haddad', 'Analyst', 'Cardinal Securities', 'analyst'],
      ]);
      assert.equal(spanText(text, turns[1].affiliationSpan), 'Brightwell Retail Group');
      assert.equal(spanText(text, turns[2].affiliationSpan), 'Cardinal Securities');
      assert.equal(spanText(text, turns[2].roleSpan), 'Analyst');
    });

    it('reads timestamped turns, and a bare timestamp continues the same speaker', () => {
      const text = [
        'Dana Whitfield (00:00:04):',
        'Welcome, everyone.',
        '[00:01:10] Omar Siddiqui: Hospital contracts grew to 140 systems.',
        '[00:01:48] The pharmacy product is 20% of revenue.',
        '[00:02:05] Okay.',
        '[00:02:30] Dana Whitfield: And profitability?',
        'Omar Siddiqui  02:34',
        'We turned EBITDA positive.',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.line, t.endLine]), [
        ['Dana Whitfield', 0, 1],
        ['Omar Siddiqui', 2, 4],
        ['Dana Whitfield', 5, 5],
        ['Omar Siddiqui', 6, 7],
      ]);
      assert.equal(spanText(text, turns[1].nameSpan), 'Omar Siddiqui');
    });

    it('reads hearings: all-caps labels with a colon, and Q. / A.', () => {
      const text = [
        'THE COURT: Please be seated.',
        'MR. FALK: Victor Falk for the plaintiff.',
        'Q. What was revenue in 2023?',
        'A. About $48 million.',
        'THE WITNESS: It was 31.2%.',
        'THE COURT: Thank you.',
        'MR. FALK: Nothing further.',
      ].join('\n');
      assert.deepEqual(speakers(text), ['THE COURT', 'MR. FALK', 'Q', 'A', 'THE WITNESS', 'THE COURT', 'MR. FALK']);
      assert.deepEqual(read(text).sections, [], 'a hearing has no prepared remarks or Q&A');
    });

    it('reads minutes: "CHAIRMAN NAME." and "MR. NAME." followed by speech', () => {
      const text = [
        'CHAIRMAN VASQUEZ. Let us begin.',
        'MR. LINDGREN. Inflation eased to 2.6%.',
        'VICE CHAIRMAN OSEI. Wage growth of 3.9% is consistent with target.',
        'MS. HARTLEY. None from me.',
      ].join('\n');
      assert.deepEqual(speakers(text), ['CHAIRMAN VASQUEZ', 'MR. LINDGREN', 'VICE CHAIRMAN OSEI', 'MS. HARTLEY']);
    });

    it('reads WebVTT voices, one turn per run of cues by the same voice', () => {
      const text = [
        'WEBVTT',
        '',
        '1',
        '00:00:01.000 --> 00:00:05.000',
        '<v Kirsten Dahl>Revenue was $2.7 billion.',
        '',
        '2',
        '00:00:05.500 --> 00:00:09.000',
        '<v Kirsten Dahl>We installed 1.4 gigawatts.',
        '',
        '3',
        '00:00:09.500 --> 00:00:12.000',
        '<v.loud Rafael Nunes>Margin improved 220 basis points.',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.line, t.endLine]), [
        ['Kirsten Dahl', 4, 8],
        ['Rafael Nunes', 12, 12],
      ]);
      assert.equal(spanText(text, turns[1].nameSpan), 'Rafael Nunes');
      assert.equal(turns[0].words, 8, 'cue numbers, timings and voice tags are not words');
    });
  });

  describe('one speaker across spellings and headers', () => {
    it('keeps the first spelling and merges a small misspelling', () => {
      const text = '### **Peng Hao** -- Kestrel Partners -- Analyst\nQuestion.\n### **Marcus Ode** -- CEO\nAnswer.\n### **Peng Haow**\nFollow-up.';
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => t.speaker), ['Peng Hao', 'Marcus Ode', 'Peng Hao']);
      assert.equal(turns[2].role, 'Analyst');
      assert.equal(turns[2].affiliation, 'Kestrel Partners');
      assert.equal(spanText(text, turns[2].nameSpan), 'Peng Haow', 'the span covers the spelling written there');
    });

    it('takes the most complete spelling as the canonical name', () => {
      const text = 'Ben Ortiz -- Head of Investor Relations\nWelcome.\nBenjamin Ortiz -- Head of Investor Relations\nNext question.';
      assert.deepEqual(speakers(text), ['Benjamin Ortiz', 'Benjamin Ortiz']);
    });

    it('merges a name written once with a middle initial', () => {
      assert.deepEqual(speakers('Jane Q. Doe -- Chief Executive Officer\nHello.\nJane Doe -- Chief Executive Officer\nAgain.'), ['Jane Q. Doe', 'Jane Q. Doe']);
    });

    it('keeps numbered speakers apart', () => {
      const text = 'Speaker 1  0:03\nWelcome.\n\nSpeaker 2  0:10\nThanks.\n\nSpeaker 1  0:15\nRevenue grew 5%.';
      assert.deepEqual(speakers(text), ['Speaker 1', 'Speaker 2', 'Speaker 1']);
    });

    it('keeps apart close spellings stated with different firms', () => {
      const text = '**Lena Okafor** -- *Harbor Capital -- Analyst*\nQuestion.\n**Lena Okafur** -- *Citadel Research -- Analyst*\nQuestion.';
      assert.deepEqual(turnsOf(text).map((t) => [t.speaker, t.affiliation]), [['Lena Okafor', 'Harbor Capital'], ['Lena Okafur', 'Citadel Research']]);
    });

    it('keeps different people apart: Mr. and Ms. of one name, and different first names', () => {
      const text = 'MR. SMITH: Yes.\nMS. SMITH: No.\nMR. SMITH: Yes again.\nMS. SMITH: No again.';
      assert.deepEqual(speakers(text), ['MR. SMITH', 'MS. SMITH', 'MR. SMITH', 'MS. SMITH']);
      assert.deepEqual(
        speakers('Anna Berg -- Chief Executive Officer\nHi.\nMaria Berg -- Chief Financial Officer\nHi.'),
        ['Anna Berg', 'Maria Berg'],
      );
    });

    it('carries a role stated in an earlier header to later bare headers of the same person', () => {
      const text = '# **Vera Lane** -- Chief Executive Officer, Retail Group\nRemarks.\n## Operator\nNext question.\n# **Vera Lane**\nAnswer.';
      const lane = only(turnsOf(text), 'Vera Lane');
      assert.equal(lane.length, 2);
      assert.equal(lane[1].role, 'Chief Executive Officer, Retail Group');
      assert.equal(lane[1].speakerKind, 'management');
    });

    it('carries a role stated in a roster at the end of the document', () => {
      const text = 'Operator\nWelcome.\nLeah Okafor\nThank you.\n\nCall participants:\n\nLeah Okafor -- Chief Executive Officer\n';
      const okafor = only(turnsOf(text), 'Leah Okafor');
      assert.equal(okafor.length, 1);
      assert.equal(okafor[0].role, 'Chief Executive Officer');
      assert.equal(okafor[0].endLine, 3, 'the roster heading ends the turn');
    });
  });

  describe('what is not a turn', () => {
    it('ignores page-break debris: a blank line in a sentence and page markers', () => {
      const text = [
        'Henrik Solberg -- Chief Executive Officer',
        '',
        'At the Vesterdal mine we completed the second',
        '',
        'shaft ahead of schedule.',
        '',
        'Page 2 of 3',
        '',
        '- 14 -',
        '',
        'We raise guidance.',
      ].join('\n');
      assert.deepEqual(starts(text), [0]);
      assert.equal(turnsOf(text)[0].endLine, 10);
    });

    it('ignores section headings', () => {
      for (const heading of ['Questions & Answers:', '# **Questions & Answers:**', '**Q&A Session**', 'Question and Answer Session', '## Prepared Remarks']) {
        assert.deepEqual(turnsOf(`${heading}\n\nOperator\n\nFirst question.`).map((t) => t.speaker), ['Operator'], heading);
      }
    });

    it('ignores metadata lines and sentence-ending colons in prose', () => {
      const text = [
        '**Date:** March 14, 2026',
        '**Ticker:** NWG',
        'Date: March 14',
        'Source: company filings',
        'In a nutshell:',
        'Revenue: EUR 14.2 billion',
        'Key Takeaways: margins rose.',
        'The conductor said: tickets, please.',
        'Note: figures are unaudited.',
        'Note: all amounts in euros.',
      ].join('\n');
      assert.deepEqual(turnsOf(text), []);
    });

    it('finds no turns in an article or a README', () => {
      const article = 'Larkspur Motors lifts outlook\n\nRevenue rose 17% to EUR 14.2 billion. Chief executive Ilse Brenner said: "Demand is strong."\n\nWhat analysts said\nShares rose 6%.';
      const readme = [
        '# ledger-tools -- plain-text accounting',
        '',
        '## API - Queries',
        '',
        '```',
        'Operator: this line is code',
        'Jane Doe -- Chief Executive Officer',
        '```',
        '',
        '## Class: `Ledger`',
        'Example: `ledger balance`',
        'Files: *',
        'Copyright: 2025 Jane Holloway',
        'A. HISTORY OF THE SOFTWARE',
        'Permission is hereby granted, in connection with',
        'THE SOFTWARE. And more terms.',
      ].join('\n');
      assert.deepEqual(turnsOf(article), []);
      assert.deepEqual(turnsOf(readme), []);
    });

    it('finds no turns in empty or odd input', () => {
      for (const text of ['', '\n\n', '**', '# ', ':', '--', 'A:', '<v >', '[00:00:01]']) assert.deepEqual(turnsOf(text), [], JSON.stringify(text));
    });
  });

  describe('spans and words', () => {
    it('places the name span exactly on the name, without markup, in every layout', () => {
      const cases: [string, string, string?][] = [
        ['### **Mara Lindqvist** -- Chief Executive Officer', 'Mara Lindqvist'],
        ['**Ines Park** -- *Northbridge Securities -- Analyst*', 'Ines Park'],
        ['# Tomas Reyes -- Chief Financial Officer', 'Tomas Reyes'],
        ['**Anneli Virtanen:** Welcome.', 'Anneli Virtanen'],
        ['**Q: What about margins?**', 'Q', 'A: They rose.'],
        ['[00:01:10] Omar Siddiqui: Hello.', 'Omar Siddiqui'],
        ['Dana Whitfield (00:00:04): Hello.', 'Dana Whitfield'],
        ['MR. LINDGREN. Inflation eased.', 'MR. LINDGREN'],
        ['Noor Haddad, Cardinal Securities - Analyst [5]', 'Noor Haddad'],
        ['#### **Operator**', 'Operator'],
      ];
      for (const [header, name, reply = 'Sofie Lang: Reply.'] of cases) {
        // A second voice, so that `Name:` labels read as a dialogue.
        const text = `${header}\nSome words here.\n${reply}\n${header}\n${reply}`;
        const turn = turnsOf(text)[0];
        assert.ok(turn, `no turn for ${header}`);
        assert.equal(spanText(text, turn.nameSpan), name, header);
        assert.equal(turn.nameSpan.line, 0);
      }
    });

    it('places role and firm spans where they are written, without markup', () => {
      const text = '# **Ines Park** -- *Northbridge -- Analyst*\nQuestion.';
      const turn = turnsOf(text)[0];
      assert.equal(spanText(text, turn.roleSpan), 'Analyst');
      assert.equal(spanText(text, turn.affiliationSpan), 'Northbridge');
    });

    it('counts the words spoken, header excluded, inline speech included', () => {
      const turns = turnsOf([
        'Jane Doe -- Chief Executive Officer', '', 'Revenue rose 12% to $4.1 billion.', '', 'Thank you.',
        'Rasmus Holt: Two words.', 'Sofie Lang: Three more words.', 'Rasmus Holt: One.', 'Sofie Lang: **Done.**',
      ].join('\n'));
      assert.deepEqual(turns.map((t) => t.words), [8, 2, 3, 1, 1]);
    });
  });

  describe('sections', () => {
    it('opens prepared remarks before the first heading and Q&A at its heading', () => {
      const text = [
        '### **Mara Lindqvist** -- Chief Executive Officer', // 0
        'Remarks.',
        '### **Jonas Ekberg** -- Head of Investor Relations', // 2
        'Over to Q&A.',
        '',
        '# **Questions & Answers:**', // 5
        '',
        '## Operator', // 7
        'First question.',
        '**Ines Park** -- *Northbridge -- Analyst*', // 9
        'Question.',
      ].join('\n');
      const { turns, sections } = read(text);
      assert.deepEqual(turns.map((t) => t.section), ['Prepared Remarks', 'Prepared Remarks', 'Questions & Answers', 'Questions & Answers']);
      assert.deepEqual(sections, [
        { name: 'Prepared Remarks', line: 0, endLine: 3, headingSpan: null },
        { name: 'Questions & Answers', line: 5, endLine: 10, headingSpan: { line: 5, start: 4, end: 23 } },
      ]);
      assert.equal(spanText(text, sections[1].headingSpan), 'Questions & Answers');
      assert.equal(turns[1].endLine, 3, 'a turn ends before the next heading');
    });

    it('starts the Q&A of a call without headings at the operator who calls the first analyst', () => {
      const text = [
        'Operator', 'Welcome.',
        'Henrik Solberg -- Chief Executive Officer', 'Remarks.',
        'Operator', 'First question.',
        'Marcus Webb -- Lindqvist Capital -- Analyst', 'Question.',
        'Henrik Solberg -- Chief Executive Officer', 'Answer.',
      ].join('\n');
      const { turns, sections } = read(text);
      assert.deepEqual(turns.map((t) => t.section), ['Prepared Remarks', 'Prepared Remarks', 'Questions & Answers', 'Questions & Answers', 'Questions & Answers']);
      assert.deepEqual(sections.map((s) => [s.name, s.line, s.endLine, s.headingSpan]), [
        ['Prepared Remarks', 0, 3, null],
        ['Questions & Answers', 4, 9, null],
      ]);
    });

    it('ignores the headings of a table of contents, which have no turns under them', () => {
      const text = [
        'Contents:', 'Prepared Remarks', 'Questions and Answers', '', // 0-3
        'Prepared Remarks:', 'Operator', 'Welcome.', // 4-6
        'Questions & Answers:', 'Marcus Webb -- Lindqvist Capital -- Analyst', 'Question.', // 7-9
      ].join('\n');
      assert.deepEqual(read(text).sections.map((s) => [s.name, s.line, s.endLine]), [
        ['Prepared Remarks', 4, 6],
        ['Questions & Answers', 7, 9],
      ]);
    });

    it('gives a call without analysts no sections', () => {
      const { turns, sections } = read('Jane Doe -- Chief Executive Officer\nRemarks.\nJohn Roe -- Chief Financial Officer\nMore.');
      assert.deepEqual(sections, []);
      assert.deepEqual(turns.map((t) => t.section), [null, null]);
    });
  });

  describe('wire-service rosters with the role on the next line', () => {
    const roster = [
      'Corporate Participants',
      '================================================================================',
      '* Odile Brennan',
      '    Harbor Lumen Inc - CEO',
      '* Kwame Asante',
      '    Harbor Lumen Inc - Chief Financial Officer',
      '',
      'Conference Call Participants',
      '================================================================================',
      '* Priya Natarajan',
      '    Saltmarsh Capital - Managing Director',
      '* Lars Holm',
      '    Fjordline Securities',
      '',
    ];

    it('does not read the roster lines as turns, and carries roles to bare-name turns', () => {
      const text = [...roster, 'Odile Brennan', 'Revenue was $612 million.', '', 'Lars Holm', 'What about margins?', '', 'Kwame Asante', 'Up 1.5 points.'].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind, t.line]), [
        ['Odile Brennan', 'CEO', 'Harbor Lumen Inc', 'management', 14],
        ['Lars Holm', null, 'Fjordline Securities', 'analyst', 17],
        ['Kwame Asante', 'Chief Financial Officer', 'Harbor Lumen Inc', 'management', 20],
      ]);
      assert.deepEqual(turns.map((t) => t.roleSpan), [null, null, null], 'a role from the roster is not written in the header');
    });

    it('puts conference-call participants on the analysts\' side whatever their title', () => {
      const text = [...roster, 'Priya Natarajan  [4]', '----------', ' How much came from new stores?'].join('\n');
      const turn = turnsOf(text)[0];
      assert.deepEqual([turn.speaker, turn.role, turn.affiliation, turn.speakerKind], ['Priya Natarajan', 'Managing Director', 'Saltmarsh Capital', 'analyst']);
      assert.equal(turn.endLine, 16);
    });

    it('reads indented bullets and a company-title bracket header of a listed person', () => {
      const text = [' * Odile Brennan', '   Harbor Lumen Inc - CEO', '', 'Presentation', 'Odile Brennan, Harbor Lumen Inc - CEO [2]', '----', 'Thank you.'];
      const turns = turnsOf(['Corporate Participants', '======', ...text].join('\n'));
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.speakerKind, t.line]), [['Odile Brennan', 'CEO', 'management', 6]]);
    });

    it('reads bulleted and indented name lists without roles as names, not as one another\'s firm', () => {
      const bulleted = ['Corporate Participants', '  * Odile Brennan', '  * Kwame Asante', '', 'Kwame Asante', 'Thank you.', 'Odile Brennan', 'Thanks.'].join('\n');
      assert.deepEqual(turnsOf(bulleted).map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind]), [
        ['Kwame Asante', null, null, 'management'],
        ['Odile Brennan', null, null, 'management'],
      ]);
      const unbulleted = ['Corporate Participants', 'Odile Brennan', '    Harbor Lumen Inc - CEO', 'Kwame Asante', '    Harbor Lumen Inc - CFO', '', 'Kwame Asante', 'Thank you.'].join('\n');
      assert.deepEqual(turnsOf(unbulleted).map((t) => [t.speaker, t.role, t.speakerKind, t.line]), [['Kwame Asante', 'CFO', 'management', 6]]);
      // A line as deep as the name before it is the next entry, never that name's firm.
      const siblings = ['Conference Call Participants', '    Odile Brennan', '    Kwame Asante - CFO', '', 'Odile Brennan', 'Thank you.'].join('\n');
      assert.deepEqual(turnsOf(siblings).map((t) => t.affiliation), []);
    });

    it('ends the roster at the first line that is no entry', () => {
      const text = ['Corporate Participants', '* Odile Brennan', '    Harbor Lumen Inc - CEO', 'The call was held on a Tuesday.', 'Odile Brennan', 'Thank you.'].join('\n');
      assert.deepEqual(starts(text), [4]);
    });

    it('keeps an unbulleted capitalized line under a roster heading out of the roster', () => {
      // Without a bullet or an indented role line a capitalized line is a heading, so nothing names Harbor Lumen.
      const text = ['Call Participants', 'Harbor Lumen', 'Some text follows here.', '', 'Harbor Lumen', 'More text.'].join('\n');
      assert.deepEqual(turnsOf(text), []);
    });

    it('does not take an indented sentence under a bulleted name for a role', () => {
      const text = ['Corporate Participants', '* Odile Brennan', '    She joined the company in 2019, after a decade in retail.', '', 'Odile Brennan', 'Thank you.'].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.speakerKind]), [['Odile Brennan', null, 'management']]);
    });
  });

  describe('colon labels with a role or a firm', () => {
    it('reads "Name, CEO:" and "Name, Chief Executive Officer:" with exact spans', () => {
      const text = 'Hanne Sorvik, CEO: Orders rose 14%.\nRafael Quispe, Chief Financial Officer: Cash flow was strong.';
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind, t.line]), [
        ['Hanne Sorvik', 'CEO', null, 'management', 0],
        ['Rafael Quispe', 'Chief Financial Officer', null, 'management', 1],
      ]);
      assert.deepEqual(turns.map((t) => [spanText(text, t.nameSpan), spanText(text, t.roleSpan), t.affiliationSpan]), [
        ['Hanne Sorvik', 'CEO', null],
        ['Rafael Quispe', 'Chief Financial Officer', null],
      ]);
      assert.equal(turns[0].words, 3, 'the label is not counted as speech');
    });

    it('reads "Name (Firm):" and "Name, Firm:" as analysts where labels recur', () => {
      const text = [
        'Operator: Next question.',
        'Dana Whitcombe (Tallgrass Research): Is growth organic?',
        'Hanne Sorvik, CEO: Mostly.',
        'Operator: Next question.',
        'Miro Castellan, Bluewater Bank: And pricing?',
        'Hanne Sorvik, CEO: Up 3%.',
      ].join('\n');
      const turns = turnsOf(text);
      assert.deepEqual(turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind]), [
        ['Operator', null, null, 'operator'],
        ['Dana Whitcombe', null, 'Tallgrass Research', 'analyst'],
        ['Hanne Sorvik', 'CEO', null, 'management'],
        ['Operator', null, null, 'operator'],
        ['Miro Castellan', null, 'Bluewater Bank', 'analyst'],
        ['Hanne Sorvik', 'CEO', null, 'management'],
      ]);
      assert.equal(spanText(text, turns[1].affiliationSpan), 'Tallgrass Research');
      assert.equal(spanText(text, turns[4].affiliationSpan), 'Bluewater Bank');
      assert.equal(spanText(text, turns[4].nameSpan), 'Miro Castellan');
    });

    it('reads a firm and a title in one label', () => {
      const text = 'Dana Whitcombe, Tallgrass Research, Analyst: Thanks.';
      const turn = turnsOf(text)[0];
      assert.deepEqual([turn.role, turn.affiliation, turn.speakerKind], ['Analyst', 'Tallgrass Research', 'analyst']);
      assert.equal(spanText(text, turn.roleSpan), 'Analyst');
      assert.equal(spanText(text, turn.affiliationSpan), 'Tallgrass Research');
    });

    it('does not take a firm-only label alone for a speaker, nor a sentence before a colon', () => {
      assert.deepEqual(turnsOf('Acme Holdings, Bluewater Bank: both reported today.'), []);
      assert.deepEqual(turnsOf('Overall, revenue grew: 12% to $4.1 billion.'), []);
      assert.deepEqual(turnsOf('In a nutshell: growth.'), []);
      assert.deepEqual(turnsOf('Sales, by region: Europe led.'), []);
      assert.deepEqual(turnsOf('Hanne Sorvik, who became CEO in May: a profile.'), []);
      assert.deepEqual(turnsOf('Tallgrass Research (a small firm) said: demand is firm.'), []);
      assert.deepEqual(turnsOf('Meeting, Room 4:30pm'), []);
    });

    it('reads a title label alone on its line, and after a timestamp', () => {
      const alone = 'Hanne Sorvik, CEO:\nOrders rose 14%.';
      assert.deepEqual(turnsOf(alone).map((t) => [t.speaker, t.role, t.line, t.endLine, t.words]), [['Hanne Sorvik', 'CEO', 0, 1, 3]]);
      const stamped = '[00:01:05] Hanne Sorvik, CEO: Orders rose 14%.';
      const turn = turnsOf(stamped)[0];
      assert.deepEqual([turn.speaker, turn.role, spanText(stamped, turn.roleSpan)], ['Hanne Sorvik', 'CEO', 'CEO']);
    });

    it('needs a two-word name before a title label to stand alone', () => {
      assert.deepEqual(turnsOf('Revenue, Chief driver: pricing.'), []);
    });
  });
});
