import { randomUUID } from 'node:crypto';
import { chooseVariant, NUDGE_VARIANTS, NUDGE_WORDS, nudgeWords, sayWhen } from './nudge-words';
import type { WordsKey } from './nudge-words';
import { NudgeKind } from './nudge-kinds';

describe('nudge words', () => {
  it('writes every worded kind in every language, title and body', () => {
    const kinds = (language: keyof typeof NUDGE_WORDS) => Object.keys(NUDGE_WORDS[language]).sort();
    for (const language of Object.keys(NUDGE_WORDS) as (keyof typeof NUDGE_WORDS)[]) {
      expect(kinds(language)).toEqual(kinds('en'));
      for (const words of Object.values<{ title: string; body: string }>(NUDGE_WORDS[language])) {
        expect(words.title.length).toBeGreaterThan(5);
        expect(words.body.length).toBeGreaterThan(20);
      }
    }
  });

  it('has words for every kind, in every language', () => {
    const words = new Set(Object.keys(NUDGE_WORDS.en));
    for (const kind of Object.values(NudgeKind)) {
      const keys =
        kind === NudgeKind.SESSION_REMINDER
          ? ['SESSION_REMINDER_DAY_BEFORE', 'SESSION_REMINDER_TWO_HOURS']
          : [kind];
      for (const key of keys) expect([kind, words.has(key)]).toEqual([kind, true]);
    }
    for (const variant of Object.values(NUDGE_VARIANTS)) expect(words.has(variant)).toBe(true);
  });

  it('gives each member one variant of a wording, always the same, about half each', () => {
    const key: WordsKey = 'SESSION_REMINDER_DAY_BEFORE';
    const people = Array.from({ length: 2000 }, () => randomUUID());
    const bs = people.filter((p) => chooseVariant(p, key).variant === 'B').length;
    expect(bs).toBeGreaterThan(900);
    expect(bs).toBeLessThan(1100);
    for (const p of people.slice(0, 50))
      expect(chooseVariant(p, key)).toEqual(chooseVariant(p, key));
    expect(chooseVariant(people[0], NudgeKind.WAITLIST_PROMOTED)).toEqual({
      variant: 'A',
      words: NudgeKind.WAITLIST_PROMOTED,
    });
    const b = people.find((p) => chooseVariant(p, key).variant === 'B')!;
    expect(chooseVariant(b, key).words).toBe('SESSION_REMINDER_DAY_BEFORE_B');
  });

  it('fills in the session, on London clocks, and falls back to English', () => {
    const summer = new Date('2027-07-06T09:00:00Z');
    expect(sayWhen(summer, 'en')).toBe('Tuesday 6 July at 10:00');
    expect(sayWhen(new Date('2027-01-12T10:00:00Z'), 'es')).toBe('martes, 12 de enero a las 10:00');
    const words = nudgeWords(NudgeKind.WAITLIST_PROMOTED, 'xx', {
      activity: 'Tai chi',
      when: sayWhen(summer, 'en'),
    });
    expect(words.title).toBe('A place is yours: Tai chi');
    expect(words.body).toContain('Tai chi on Tuesday 6 July at 10:00');
  });

  it('never frames a nudge as guilt or cost', () => {
    const all = JSON.stringify(NUDGE_WORDS).toLowerCase();
    for (const word of ['missed', 'failed', 'penalty', 'fee', 'must', 'warning'])
      expect(all).not.toContain(word);
  });
});
