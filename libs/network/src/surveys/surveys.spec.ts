import { DomainError } from '@kith/platform';
import { INSTRUMENT } from './instrument';
import { InstrumentFileError, parseInstrument } from './instrument-loader';
import { scoreAnswers } from './scoring';
import { KITH_RESOURCES, ONS_DIRECT, SHIPPED_INSTRUMENTS, UCLA_3 } from './shipped-instruments';
import { surveyDue } from './survey.service';
import { SurveyStage } from './survey.entities';

/** The line of `text` on which `marker` first stands (1-based). */
const lineOf = (text: string, marker: string) =>
  text.split('\n').findIndex((line) => line.includes(marker)) + 1;

const fieldsOf = (work: () => unknown): Record<string, string> => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError)
      return Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message]));
    throw error;
  }
  throw new Error('expected a refusal');
};

/** A made-up licensed instrument: placeholder words, a reversed item, a conversion table. */
const LICENSED = `{
  // Comments are allowed: operators annotate their files.
  "id": "made-up-wellbeing",
  "version": 2,
  "title": { "en": "Wellbeing" },
  "licence": "Test fixture; no real wording.",
  "items": [
    { "id": "a", "text": { "en": "Item A" }, "options": [
      { "value": 1, "label": { "en": "one" } }, { "value": 2, "label": { "en": "two" } },
      { "value": 3, "label": { "en": "three" } } ] },
    { "id": "b", "text": { "en": "Item B" }, "reverse": true, "options": [
      { "value": 1, "label": { "en": "one" } }, { "value": 2, "label": { "en": "two" } },
      { "value": 3, "label": { "en": "three" } } ] }
  ],
  "subscales": [{ "id": "first", "items": ["a"] }],
  "scoring": { "method": "sum", "higherIs": "better",
    "conversion": { "2": 7.0, "3": 9.51, "4": 11.25, "5": 12.4, "6": 14.08 } }
}`;

describe('survey instruments: definitions and the scoring engine', () => {
  it('scores the UCLA three items as hand-worked: 3 to 9, higher lonelier', () => {
    const answer = (companionship: number, leftOut: number, isolated: number) =>
      scoreAnswers(UCLA_3, 1, [
        { itemId: 'companionship', value: companionship },
        { itemId: 'left-out', value: leftOut },
        { itemId: 'isolated', value: isolated },
      ]).score;
    expect(answer(1, 1, 1)).toBe(3);
    expect(answer(3, 2, 1)).toBe(6);
    expect(answer(3, 3, 3)).toBe(9);
  });

  it('counts the ONS direct question higher for lonelier', () => {
    expect(scoreAnswers(ONS_DIRECT, 1, [{ itemId: 'lonely', value: 5 }]).score).toBe(5);
    expect(scoreAnswers(ONS_DIRECT, 1, [{ itemId: 'lonely', value: 1 }]).score).toBe(1);
  });

  it('scores the resource generator by domain: yes to shopping, forms, worry and work', () => {
    const yes = new Set(['shopping', 'forms', 'worry', 'work']);
    const result = scoreAnswers(
      KITH_RESOURCES,
      1,
      KITH_RESOURCES.items.map((it) => ({ itemId: it.id, value: yes.has(it.id) ? 1 : 0 })),
    );
    expect(result.score).toBe(4);
    expect(result.subscales).toEqual([
      { id: 'domestic', score: 1 },
      { id: 'expert-advice', score: 0 },
      { id: 'personal-skills', score: 1 },
      { id: 'problem-solving', score: 2 },
    ]);
  });

  it('reverses items and converts the raw score by the table, as hand-worked', () => {
    const def = parseInstrument(LICENSED);
    // a = 3; b = 1, reversed to 3: raw 6, metric 14.08; the subscale is a alone.
    expect(
      scoreAnswers(def, 2, [
        { itemId: 'a', value: 3 },
        { itemId: 'b', value: 1 },
      ]),
    ).toEqual({ raw: 6, score: 14.08, subscales: [{ id: 'first', score: 3 }] });
  });

  it('refuses answers that do not fit, naming each item, and the wrong version', () => {
    expect(
      fieldsOf(() =>
        scoreAnswers(UCLA_3, 2, [
          { itemId: 'companionship', value: 4 },
          { itemId: 'left-out', value: 1 },
          { itemId: 'left-out', value: 2 },
        ]),
      ),
    ).toEqual({
      version: 'this is version 1 of ucla-3; answer that one',
      'answers.companionship': 'choose one of 1, 2, 3',
      'answers.left-out': 'answered twice',
      'answers.isolated': 'this item needs an answer',
    });
    expect(
      fieldsOf(() =>
        scoreAnswers(UCLA_3, 1, [
          { itemId: 'companionship', value: 1 },
          { itemId: 'left-out', value: 1 },
          { itemId: 'mood', value: 1 },
        ]),
      ),
    ).toEqual({
      'answers.mood': 'no such item in this survey',
      'answers.isolated': 'this item needs an answer',
    });
  });

  it('refuses more answers than items with one problem, not one per answer', () => {
    for (const length of [4, 150, 10_000])
      expect(
        fieldsOf(() =>
          scoreAnswers(
            UCLA_3,
            1,
            Array.from({ length }, () => ({ itemId: 'companionship', value: 1 })),
          ),
        ),
      ).toEqual({ answers: 'at most 3 answers, one for each item of ucla-3' });
  });

  it('ships its instruments in English and Spanish, every item and option', () => {
    for (const def of SHIPPED_INSTRUMENTS) {
      expect(INSTRUMENT.parse(def)).toEqual(def);
      for (const words of [
        def.title,
        ...def.items.flatMap((it) => [it.text, ...it.options.map((o) => o.label)]),
      ])
        expect(Object.keys(words).sort()).toEqual(['en', 'es']);
    }
  });

  it('refuses an instrument file that does not parse, or does not fit, naming the line', () => {
    const broken = LICENSED.replace('"version": 2,', '"version": 2');
    expect(() => parseInstrument(broken)).toThrow(InstrumentFileError);
    try {
      parseInstrument(broken);
    } catch (error) {
      // The missing comma is found where the next field begins.
      expect((error as InstrumentFileError).problems[0]).toMatchObject({
        line: lineOf(broken, '"title"'),
      });
    }
    const unfit = LICENSED.replace(
      '{ "id": "first", "items": ["a"] }',
      '{ "id": "first", "items": ["c"] }',
    ).replace('"4": 11.25, ', '');
    try {
      parseInstrument(unfit);
      throw new Error('expected a refusal');
    } catch (error) {
      const problems = (error as InstrumentFileError).problems;
      expect(problems).toEqual(
        expect.arrayContaining([
          { line: lineOf(unfit, '"subscales"'), message: 'subscales.0.items.0: no item "c"' },
          {
            line: lineOf(unfit, '"conversion"'),
            message: 'scoring.conversion: no metric score for a raw score of 4',
          },
        ]),
      );
    }
  });
});

describe('which survey is due, and at which stage', () => {
  const joined = new Date('2027-01-10T10:00:00Z');
  const now = new Date('2027-06-01T10:00:00Z');
  const stageOf = (latest: Date | undefined, leftAt: Date | null = null) =>
    surveyDue(UCLA_3, latest, { joined, leftAt }, now)?.stage;

  it('asks for a baseline until it is answered, then a review three months on, not before', () => {
    expect(stageOf(undefined)).toBe(SurveyStage.BASELINE);
    expect(stageOf(new Date('2027-03-02T10:00:00Z'))).toBeUndefined();
    expect(stageOf(new Date('2027-03-01T10:00:00Z'))).toBe(SurveyStage.REVIEW);
  });

  it('after leaving, one exit of what was answered before, then nothing; nothing never answered', () => {
    const leftAt = new Date('2027-05-01T10:00:00Z');
    expect(stageOf(new Date('2027-04-30T10:00:00Z'), leftAt)).toBe(SurveyStage.EXIT);
    expect(stageOf(new Date('2027-05-02T10:00:00Z'), leftAt)).toBeUndefined();
    expect(stageOf(undefined, leftAt)).toBeUndefined();
  });
});
