import { DomainError, Problems } from '@kith/platform';
import type { Instrument } from './instrument';

export interface Answer {
  itemId: string;
  value: number;
}

export interface Score {
  /** The raw score (sum or mean), or its metric conversion where the instrument has one. */
  score: number;
  raw: number;
  subscales: { id: string; score: number }[];
}

/**
 * Scores a complete set of answers to one version of an instrument, or throws BAD_USER_INPUT
 * naming each item at fault: an item missing, answered twice, unknown, or with a value that is
 * not one of its options; or the wrong version. Pure: nothing is read or stored.
 */
export function scoreAnswers(def: Instrument, version: number, answers: readonly Answer[]): Score {
  // One answer an item: a longer list is wrong whatever it holds, and is refused unread (a
  // caller sends it: thousands of entries would be thousands of problems back).
  if (answers.length > def.items.length)
    throw DomainError.badInput(
      [
        {
          path: 'answers',
          message: `at most ${def.items.length} answers, one for each item of ${def.id}`,
        },
      ],
      'The answers do not fit the survey',
    );
  const problems = new Problems();
  problems.check(
    version === def.version,
    'version',
    `this is version ${def.version} of ${def.id}; answer that one`,
  );
  const given = new Map<string, number>();
  for (const answer of answers) {
    const item = def.items.find((it) => it.id === answer.itemId);
    if (!item) problems.add(`answers.${answer.itemId}`, 'no such item in this survey');
    else if (given.has(answer.itemId)) problems.add(`answers.${answer.itemId}`, 'answered twice');
    else if (!item.options.some((o) => o.value === answer.value))
      problems.add(
        `answers.${answer.itemId}`,
        `choose one of ${item.options.map((o) => o.value).join(', ')}`,
      );
    else given.set(answer.itemId, answer.value);
  }
  for (const item of def.items)
    if (!given.has(item.id) && !answers.some((a) => a.itemId === item.id))
      problems.add(`answers.${item.id}`, 'this item needs an answer');
  problems.throwIfAny('The answers do not fit the survey');

  const items = new Map(def.items.map((it) => [it.id, it]));
  const counted = (itemId: string): number => {
    const item = items.get(itemId);
    const value = given.get(itemId) ?? 0;
    if (!item?.reverse) return value;
    const values = item.options.map((o) => o.value);
    return Math.max(...values) + Math.min(...values) - value;
  };
  const combine = (ids: string[]): number => {
    const total = ids.reduce((sum, id) => sum + counted(id), 0);
    return def.scoring.method === 'sum' ? total : total / ids.length;
  };
  const raw = combine(def.items.map((it) => it.id));
  const converted = def.scoring.conversion?.[String(raw)];
  return {
    raw,
    score: converted ?? raw,
    subscales: def.subscales.map((sub) => ({ id: sub.id, score: combine(sub.items) })),
  };
}
