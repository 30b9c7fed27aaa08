// Layout inference: label shapes the document itself shows to be its speakers' (numbered
// speakers, labels in any script, period labels without a title), the page frame that is
// structure rather than speech, and court examinations.
import * as assert from 'node:assert/strict';
import { analyze, splitLines } from '../../server/src/engine';
import { readTurns } from '../../server/src/engine/turns';
import { readPageFrame } from '../../server/src/engine/layout/page';
import { readCourtMarker } from '../../server/src/engine/layout/court';

const read = (text: string) => readTurns(splitLines(text));
const rows = (text: string) => read(text).turns.map((t) => [t.speaker, t.line, t.endLine]);
const figureTexts = (text: string) => analyze(text).figures.map((f) => f.text);

describe('layout inference', () => {
  describe('label shapes confirmed by the document', () => {
    it('reads numbered speakers of a recording export, one paragraph per turn', () => {
      const text = 'Speaker 0: Welcome to the call.\n\nSpeaker 1: Thanks. Revenue was $12 million.\n\nSpeaker 0: First question.\n\nSpeaker 12: <inaudible> on margins?\n\nSpeaker 1: Up 2%.';
      assert.deepEqual(rows(text), [['Speaker 0', 0, 0], ['Speaker 1', 2, 2], ['Speaker 0', 4, 4], ['Speaker 12', 6, 6], ['Speaker 1', 8, 8]]);
      assert.deepEqual(figureTexts(text), ['$12 million', '2%'], 'the speakers\' numbers are no figures');
    });

    it('reads `Name:Text` labels with no space once they repeat, and the same names with a space', () => {
      const text = 'Operator:Our first question.\n\nAna Ruiz:Thanks. How is demand?\n\nLeo Park: Strong.\n\nOperator:Next question.\n\nLeo Park:Stable.';
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['Operator', 'Ana Ruiz', 'Leo Park', 'Operator', 'Leo Park']);
      assert.deepEqual(rows('See Note:This is code.\nWindows:C is the drive.'), []);
    });

    it('reads `Name--Title` headers with no space around the dash', () => {
      const turn = read('Karin Holm Vestergaard--Executive Vice President, Chief Financial Officer\nThank you.').turns[0];
      assert.deepEqual([turn.speaker, turn.role], ['Karin Holm Vestergaard', 'Executive Vice President, Chief Financial Officer']);
      assert.deepEqual(read('Jean-Luc Morel -- Chief Executive Officer\nHello.').turns.map((t) => t.speaker), ['Jean-Luc Morel']);
    });

    it('reads `**Name** text` labels after a timestamp, and several people speaking at once', () => {
      const text = [
        '0:15:09.4 **Ana Ruiz** Yes, that is right.',
        '0:15:24.1 **Leo Park** Yeah.',
        '0:15:25.0**Ana Ruiz** (laughs)',
        '0:15:30.2 **Leo Park and Ana Ruiz** (laughing)',
        '0:15:31.0 **Leo Park** So, next.',
      ].join('\n');
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['Ana Ruiz', 'Leo Park', 'Ana Ruiz', 'Leo Park and Ana Ruiz', 'Leo Park']);
      assert.deepEqual(rows('**Fast** builds in seconds.\n\n**Small** bundles for the web.\n\n**Fast** tests too.'), []);
    });

    it('reads HTML bold labels, and a briefing\'s Q set off by no-break spaces beside named answers', () => {
      const html = '<strong>Mr. LIMAN</strong>: Did you meet him?\n<br/><br/><strong>Mr. NORTH</strong>: No.\n<br/><br/><strong>Mr. LIMAN</strong>: Never?\n<br/><br/><strong>Mr. NORTH</strong>: Never.';
      assert.deepEqual(read(html).turns.map((t) => t.speaker), ['Mr. LIMAN', 'Mr. NORTH', 'Mr. LIMAN', 'Mr. NORTH']);
      const briefing = 'MS. VANCE:\u00a0 Go ahead.\n\nQ\u00a0\u00a0\u00a0 What does it cost?\n\nMR. ODUYA:\u00a0 About $2 billion.\n\nQ\u00a0\u00a0\u00a0 And next year?\n\nMR. ODUYA:\u00a0 Less.';
      assert.deepEqual(read(briefing).turns.map((t) => t.speaker), ['MS. VANCE', 'Q', 'MR. ODUYA', 'Q', 'MR. ODUYA']);
    });

    it('reads bracketed names with a colon, and leaves bracketed notes alone', () => {
      const text = '[张主持]: 大家好。\n\n[李博士]: 很高兴。\n\n[张主持]: 请介绍一下。\n\n[李博士]: 好的。\n[Laughter] 大家笑了。';
      assert.deepEqual(rows(text), [['张主持', 0, 0], ['李博士', 2, 2], ['张主持', 4, 4], ['李博士', 6, 7]]);
      assert.deepEqual(rows('[Laughter] Thanks.\n[Laughter] Sure.\n[Applause] Great.\n[Applause] Bye.'), []);
    });

    it('keeps apart titles a few letters apart', () => {
      const text = 'SENATE COUNSEL: Senator Liu.\nSENATOR LIU: Thanks.\nSTATE COUNSEL: One more.\nSENATOR LIU: Go on.';
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['SENATE COUNSEL', 'SENATOR LIU', 'STATE COUNSEL', 'SENATOR LIU']);
    });

    it('reads a speaker the transcriber could not name', () => {
      const text = 'Operator\n\nNext question.\n\nUnidentified Analyst\n\nHow is demand?';
      assert.deepEqual(read(text).turns.map((t) => [t.speaker, t.speakerKind]), [['Operator', 'operator'], ['Unidentified Analyst', 'analyst']]);
    });

    it('keeps "Call 10:30" and one-off numbered labels out', () => {
      assert.deepEqual(rows('Call 10:30 with the board.\nStep 2: open the valve.\nStep 3: close it.'), []);
    });

    it('reads full-width colon labels with CJK names, without a space after the colon', () => {
      const text = '林晓峰：大家好。\n陈立：请问毛利率？\n林晓峰：毛利率为 28%。\n陈立：谢谢。';
      assert.deepEqual(rows(text), [['林晓峰', 0, 0], ['陈立', 1, 1], ['林晓峰', 2, 2], ['陈立', 3, 3]]);
    });

    it('reads a layout written for nobody: Latin names with a full-width colon', () => {
      const text = 'Jane Doe： Hello.\nOmar Ruiz： Hi.\nJane Doe： Revenue rose.\nOmar Ruiz： Good.';
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['Jane Doe', 'Omar Ruiz', 'Jane Doe', 'Omar Ruiz']);
    });

    it('finds no turns in CJK prose with one label-like phrase', () => {
      assert.deepEqual(rows('本季度收入增长。\n总结：收入与利润均创新高。\n我们认为：前景良好。'), []);
    });

    it('reads period labels without a title once they repeat for two people', () => {
      const text = 'JANE ROE. Good morning.\n\nOMAR HALE. Thanks.\n\nJANE ROE. Next item.\n\nOMAR HALE. Agreed.';
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['JANE ROE', 'OMAR HALE', 'JANE ROE', 'OMAR HALE']);
      assert.deepEqual(rows('NASA. The agency said on Monday that it would delay the launch.'), []);
    });

    it('reads a host and guests who speak once: labels that go back and forth', () => {
      const text = 'Dana: Welcome.\nGuest One Person: Hi.\nDana: And you?\nSecond Guest Name: Hello.';
      assert.deepEqual(read(text).turns.map((t) => t.speaker), ['Dana', 'Guest One Person', 'Dana', 'Second Guest Name']);
    });

    it('reads minutes with indented labels, Mc names and a label alone on its line', () => {
      const text = [
        '     CHAIR NAKASHIMA.  Questions?',
        '',
        '     PRESIDENT McDOWELL.  One.',
        '',
        '     VICE CHAIR O\'ROURKE.',
        'I would add a point.',
        '',
        '     MS. FENWICK.  Agreed.',
        '',
        '     CHAIR NAKASHIMA.  Thank you.',
      ].join('\n');
      assert.deepEqual(rows(text), [
        ['CHAIR NAKASHIMA', 0, 0], ['PRESIDENT McDOWELL', 2, 2], ['VICE CHAIR O\'ROURKE', 4, 5], ['MS. FENWICK', 7, 7], ['CHAIR NAKASHIMA', 9, 9],
      ]);
    });
  });

  it('reads minutes whose labels follow running headers, broken-off sentences and unsure speakers', () => {
    const page = (n: number, body: string[]) => [`--- Page ${n} ---`, '', '6/17-18/25', ...body, ''];
    const text = [
      ...page(6, ['SPEAKER(?). So move.', 'CHAIR NAKASHIMA. Is there a second?', 'SPEAKER(?). Second.']),
      ...page(7, ['MS. FENWICK. I have one question, and I\'d--', 'CHAIR NAKASHIMA. Please.', 'SEVERAL. Aye.']),
      ...page(8, ['MR. ABERNATHY. Inflation came in at 2.7 percent.', 'CHAIR NAKASHIMA. Thank you.']),
    ].join('\n');
    assert.deepEqual(read(text).turns.map((t) => t.speaker), [
      'SPEAKER(?)', 'CHAIR NAKASHIMA', 'SPEAKER(?)', 'MS. FENWICK', 'CHAIR NAKASHIMA', 'SEVERAL', 'MR. ABERNATHY', 'CHAIR NAKASHIMA',
    ]);
    assert.deepEqual(figureTexts(text), ['2.7 percent'], 'page markers and the running date are no figures');
  });

  describe('headers with firm and title', () => {
    it('reads bold `Name - Firm, Title` headers with timestamped paragraphs, in English and Chinese', () => {
      const text = [
        '**Helena Sorli - Altamira Devices, Chief Executive Officer**',
        '(00:00:12) Revenue reached $236 million.',
        '(00:00:41) Diagnostics made up 41%.',
        '**Joanna Kettering - Brookfield Row Capital, Analyst**',
        '(00:02:20) Thanks.',
        '**陈立 - 东岳证券, 分析师**',
        '(00:03:00) 谢谢。',
      ].join('\n');
      assert.deepEqual(read(text).turns.map((t) => [t.speaker, t.role, t.affiliation, t.speakerKind, t.endLine]), [
        ['Helena Sorli', 'Chief Executive Officer', 'Altamira Devices', 'management', 2],
        ['Joanna Kettering', 'Analyst', 'Brookfield Row Capital', 'analyst', 4],
        ['陈立', '分析师', '东岳证券', 'analyst', 6],
      ]);
    });

    it('keeps a title with commas whole', () => {
      const turn = read('**Jane Doe - Chairman, President & CEO**\nHello.').turns[0];
      assert.deepEqual([turn.role, turn.affiliation], ['Chairman, President & CEO', null]);
    });

    it('splits StreetEvents headers at the firm\'s dash, keeps the firm for managers, and drops turn counters from figures', () => {
      const text = [
        'Lena Brandt, Kestrel Instruments AG - SVP - Investor Relations   [2]',
        ' Orders grew 11%.',
        'Paul Ekwueme, Kestrel Instruments AG - CEO   [3]',
        ' Margin was 47.3%.',
      ].join('\n');
      assert.deepEqual(read(text).turns.map((t) => [t.role, t.affiliation]), [
        ['SVP - Investor Relations', 'Kestrel Instruments AG'],
        ['CEO', 'Kestrel Instruments AG'],
      ]);
      assert.deepEqual(figureTexts(text), ['11%', '47.3%']);
    });
  });

  describe('court transcripts', () => {
    const page = (lines: string[]) => lines.map((line, i) => `${String(i + 1).padStart(2)}   ${line}`);
    const transcript = [
      'Case 4:25-cv-00312   Document 88   Page 7 of 30',
      ...page([
        '      JOAN ELLERY, having been duly sworn, testified:',
        '                DIRECT EXAMINATION',
        '      BY MS. TAVARES:',
        '  Q.  What was the budget?',
        '  A.  About $2 million.',
        '      MR. LOOMIS: Objection.',
        '      THE COURT: Overruled.',
        '  Q.  And the overrun?',
        '  A.  Roughly 15 percent.',
        '                CROSS-EXAMINATION BY MR. LOOMIS:',
        '  Q.  Who set the budget?',
        '  A.  The board did.',
      ]),
      'Case 4:25-cv-00312   Document 88   Page 8 of 30',
      ...page(['  Q.  When?', '  A.  In 2023.', '  Q.  Thank you.', '  A.  You are welcome.']),
      'Case 4:25-cv-00312   Document 88   Page 9 of 30',
    ].join('\n');

    it('names Q. and A. after the examiner and the witness; BY lines are no turns', () => {
      assert.deepEqual(read(transcript).turns.map((t) => t.speaker), [
        'MS. TAVARES', 'JOAN ELLERY', 'MR. LOOMIS', 'THE COURT', 'MS. TAVARES', 'JOAN ELLERY', 'MR. LOOMIS', 'JOAN ELLERY', 'MR. LOOMIS', 'JOAN ELLERY',
        'MR. LOOMIS', 'JOAN ELLERY',
      ]);
    });

    it('reads no figure in line numbers and running page headers', () => {
      assert.deepEqual(figureTexts(transcript), ['$2 million', '15 percent', '2023']);
    });

    it('leaves Q and A unnamed where the transcript names nobody', () => {
      assert.deepEqual(read('Q. Where were you?\nA. At home.').turns.map((t) => t.speaker), ['Q', 'A']);
    });

    it('names THE WITNESS after the witness once the transcript has said who testifies, and not before', () => {
      const colloquy = [
        'THE WITNESS: May I see the exhibit first?',
        'THE COURT: Yes.',
        'OMAR BELLWEATHER, having been duly sworn, testified as follows:',
        'DIRECT EXAMINATION',
        'BY MS. TAVARES:',
        'Q. Where were you?',
        'A. At the plant.',
        'THE WITNESS: Could you repeat the date?',
      ].join('\n');
      assert.deepEqual(read(colloquy).turns.map((t) => t.speaker), ['THE WITNESS', 'THE COURT', 'MS. TAVARES', 'OMAR BELLWEATHER', 'OMAR BELLWEATHER']);
    });

    it('reads the lines that say who examines and who testifies', () => {
      assert.deepEqual(readCourtMarker('BY MS. TAVARES:', 0), { kind: 'examiner', name: 'MS. TAVARES' });
      assert.deepEqual(readCourtMarker('   BY MR. LOOMIS (Continuing):', 0), { kind: 'examiner', name: 'MR. LOOMIS' });
      assert.deepEqual(readCourtMarker('REDIRECT EXAMINATION', 0), { kind: 'examination', examiner: null });
      assert.deepEqual(readCourtMarker('WITNESS: Joan Ellery', 0), { kind: 'witness', name: 'Joan Ellery' });
      assert.equal(readCourtMarker('BY the way, we grew.', 0), null);
      assert.equal(readCourtMarker('EXAMINATION of the ledger showed a gap.', 0), null);
    });
  });

  describe('page frame', () => {
    const noLabels = () => false;

    it('finds running headers that come back with another page number, and page markers', () => {
      const lines = ['2/3-4/94 -40-', 'Text one.', '', '', '', '2/3-4/94 -41-', 'Text two.', '', '', '', '2/3-4/94 -42-', 'Page 3 of 9'];
      const frame = readPageFrame(lines, noLabels);
      assert.deepEqual(frame.frameLine.flatMap((on, line) => (on ? [line] : [])), [0, 5, 10, 11]);
    });

    it('takes the same line beside every running header for part of it (a witness\'s name)', () => {
      const page = (n: number, speech: string) => [`Case 2:25-cv-00140   Page ${n} of 90`, 'PRYCE - DIRECT', speech, 'It was late.', '', ''];
      const lines = [...page(4, 'We shipped in May.'), ...page(5, 'The trucks were full.'), ...page(6, 'I signed the ledger.')];
      const frame = readPageFrame(lines, noLabels);
      assert.deepEqual(frame.frameLine.flatMap((on, line) => (on ? [line] : [])), [0, 1, 6, 7, 12, 13]);
    });

    it('does not take a list or a table for running headers', () => {
      const lines = ['Step 1 done', 'Step 2 done', 'Step 3 done', 'Step 4 done'];
      assert.ok(readPageFrame(lines, noLabels).frameLine.every((on) => !on));
    });

    it('does not take short labelled turns for running headers', () => {
      const lines = ['Speaker 1: Yes.', '', '', '', 'Speaker 2: Yes.', '', '', '', 'Speaker 3: Yes.'];
      const frame = readPageFrame(lines, (line) => lines[line].startsWith('Speaker'));
      assert.ok(frame.frameLine.every((on) => !on));
    });

    it('reads caption cue numbers and timings as frame', () => {
      const text = '1\n00:00:01,000 --> 00:00:04,000\nAna Ruiz: Output rose 6%.\n\n2\n00:00:04,500 --> 00:00:08,000\nAna Ruiz: Costs fell.\n\n3\n00:00:08,500 --> 00:00:10,000\nLeo Park: Why?';
      assert.deepEqual(rows(text), [['Ana Ruiz', 2, 6], ['Leo Park', 10, 10]]);
      assert.deepEqual(figureTexts(text), ['6%']);
    });
  });
});
