import { RESOURCE_PHRASES } from '../surveys/shipped-instruments';
import type { TieSource } from '../network.entities';

export type GainLanguage = 'en' | 'es';

/** What a member's gains are worked out from: their own ties, snapshots and answers. */
export interface GainFacts {
  /** Their ties (not hidden, confirmed or not: only counted), where each came from and when it began. */
  contacts: readonly { sources: readonly TieSource[]; firstContactAt: Date }[];
  /** Sessions attended in the last 30 days, and in the 30 days before those. */
  sessionsLast30: number;
  sessionsPrevious30: number;
  /** Interest groups tried: now, and at their first snapshot. */
  groupsTriedNow: number;
  groupsTriedAtFirst: number | null;
  /** The resource questions answered "no" at first and "yes" in the latest answers. */
  resourcesGained: readonly string[];
}

export interface NetworkGain {
  code: string;
  text: string;
}

/** The 13 weeks of a season. */
export const SEASON_DAYS = 91;
const DAY_MS = 24 * 3600_000;

const WORDS = {
  en: {
    newPeople: (n: number) =>
      n === 1 ? "1 new person you've met this season" : `${n} new people you've met this season`,
    introductions: (n: number) =>
      n === 1
        ? 'An introduction that became a contact this season'
        : `${n} introductions that became contacts this season`,
    helped: (n: number) =>
      n === 1
        ? 'Someone you got to know through help this season'
        : `${n} people you got to know through help this season`,
    moreSessions: (now: number, before: number) =>
      `${now} sessions in the last month, up from ${before} the month before`,
    groups: (n: number) =>
      n === 1 ? "A new kind of activity you've tried" : `${n} new kinds of activity you've tried`,
    resource: (phrase: string) => `You now know someone you could ask to ${phrase}`,
  },
  es: {
    newPeople: (n: number) =>
      n === 1
        ? '1 persona nueva que has conocido esta temporada'
        : `${n} personas nuevas que has conocido esta temporada`,
    introductions: (n: number) =>
      n === 1
        ? 'Una presentación que se ha convertido en contacto esta temporada'
        : `${n} presentaciones que se han convertido en contactos esta temporada`,
    helped: (n: number) =>
      n === 1
        ? 'Alguien a quien has conocido gracias a la ayuda esta temporada'
        : `${n} personas a las que has conocido gracias a la ayuda esta temporada`,
    moreSessions: (now: number, before: number) =>
      `${now} sesiones en el último mes, frente a ${before} el mes anterior`,
    groups: (n: number) =>
      n === 1
        ? 'Un tipo de actividad nuevo que has probado'
        : `${n} tipos de actividad nuevos que has probado`,
    resource: (phrase: string) => `Ahora conoces a alguien a quien podrías pedir que ${phrase}`,
  },
} satisfies Record<GainLanguage, unknown>;

/**
 * What a member has gained, in plain words: only ever what went up, never a rank, a score or a
 * word like "isolated". Nothing gained, nothing said.
 */
export function networkGains(facts: GainFacts, now: Date, language: GainLanguage): NetworkGain[] {
  const say = WORDS[language];
  const since = now.getTime() - SEASON_DAYS * DAY_MS;
  const recent = facts.contacts.filter((c) => c.firstContactAt.getTime() >= since);
  const gains: NetworkGain[] = [];
  if (recent.length > 0) gains.push({ code: 'NEW_PEOPLE', text: say.newPeople(recent.length) });
  const introduced = recent.filter((c) => c.sources.includes('INTRODUCTION' as TieSource)).length;
  if (introduced > 0) gains.push({ code: 'INTRODUCTIONS', text: say.introductions(introduced) });
  const helped = recent.filter((c) => c.sources.includes('HELP' as TieSource)).length;
  if (helped > 0) gains.push({ code: 'HELP_CONTACTS', text: say.helped(helped) });
  if (facts.sessionsLast30 > facts.sessionsPrevious30 && facts.sessionsLast30 >= 2)
    gains.push({
      code: 'MORE_SESSIONS',
      text: say.moreSessions(facts.sessionsLast30, facts.sessionsPrevious30),
    });
  const newGroups = facts.groupsTriedNow - (facts.groupsTriedAtFirst ?? facts.groupsTriedNow);
  if (newGroups > 0) gains.push({ code: 'NEW_ACTIVITIES', text: say.groups(newGroups) });
  for (const item of facts.resourcesGained) {
    const phrase = RESOURCE_PHRASES[item];
    if (phrase)
      gains.push({
        code: `RESOURCE_${item.toUpperCase().replace(/-/g, '_')}`,
        text: say.resource(phrase[language]),
      });
  }
  return gains;
}
