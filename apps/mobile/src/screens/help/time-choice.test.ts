import { choiceOf, windowsOf, type TimeChoiceValue } from './time-choice';

describe('choiceOf', () => {
  it('reads back what windowsOf made', () => {
    const value: TimeChoiceValue = { days: ['TUE', 'SAT'], parts: ['morning', 'evening'] };
    expect(choiceOf(windowsOf(value))).toEqual(value);
  });

  it('reads whole days as no part of the day chosen', () => {
    expect(choiceOf(windowsOf({ days: ['SUN', 'MON'], parts: [] }))).toEqual({
      days: ['MON', 'SUN'],
      parts: [],
    });
  });

  it('shows a window set some other way by the parts of the day it touches', () => {
    expect(choiceOf([{ weekday: 'WED', start: '10:00', end: '14:00' }])).toEqual({
      days: ['WED'],
      parts: ['morning', 'afternoon'],
    });
  });

  it('chooses nothing for no windows', () => {
    expect(choiceOf([])).toEqual({ days: [], parts: [] });
  });
});
