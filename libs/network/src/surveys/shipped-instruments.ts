import { INSTRUMENT } from './instrument';
import type { Instrument } from './instrument';

const UCLA_OPTIONS = [
  { value: 1, label: { en: 'Hardly ever or never', es: 'Casi nunca o nunca' } },
  { value: 2, label: { en: 'Some of the time', es: 'A veces' } },
  { value: 3, label: { en: 'Often', es: 'A menudo' } },
];

/**
 * The three-item UCLA loneliness scale as the ONS publishes it for national measurement
 * (Measuring loneliness: guidance for use of the national indicators on surveys, 2018; from
 * Hughes et al., 2004). 3 to 9; higher is lonelier.
 */
export const UCLA_3: Instrument = INSTRUMENT.parse({
  id: 'ucla-3',
  version: 1,
  title: { en: 'How connected you feel', es: 'Cómo de acompañado te sientes' },
  licence:
    'ONS national indicators of loneliness (2018), from Hughes et al. (2004), Research on Aging 26(6); ONS guidance under the Open Government Licence v3.0.',
  items: [
    {
      id: 'companionship',
      text: {
        en: 'How often do you feel that you lack companionship?',
        es: '¿Con qué frecuencia sientes que te falta compañía?',
      },
      options: UCLA_OPTIONS,
    },
    {
      id: 'left-out',
      text: {
        en: 'How often do you feel left out?',
        es: '¿Con qué frecuencia te sientes excluido?',
      },
      options: UCLA_OPTIONS,
    },
    {
      id: 'isolated',
      text: {
        en: 'How often do you feel isolated from others?',
        es: '¿Con qué frecuencia te sientes aislado de los demás?',
      },
      options: UCLA_OPTIONS,
    },
  ],
  scoring: { method: 'sum', higherIs: 'worse' },
});

/**
 * The ONS direct question, with its five answers as published, counted so that higher is
 * lonelier (1 never … 5 often or always), like the UCLA scale beside it.
 */
export const ONS_DIRECT: Instrument = INSTRUMENT.parse({
  id: 'ons-direct',
  version: 1,
  title: { en: 'How often you feel lonely', es: 'Con qué frecuencia te sientes solo' },
  licence:
    'ONS national indicators of loneliness (2018), direct measure; Open Government Licence v3.0.',
  items: [
    {
      id: 'lonely',
      text: { en: 'How often do you feel lonely?', es: '¿Con qué frecuencia te sientes solo?' },
      options: [
        { value: 5, label: { en: 'Often/always', es: 'A menudo/siempre' } },
        { value: 4, label: { en: 'Some of the time', es: 'A veces' } },
        { value: 3, label: { en: 'Occasionally', es: 'De vez en cuando' } },
        { value: 2, label: { en: 'Hardly ever', es: 'Casi nunca' } },
        { value: 1, label: { en: 'Never', es: 'Nunca' } },
      ],
    },
  ],
  scoring: { method: 'sum', higherIs: 'worse' },
});

const KNOW = [
  { value: 0, label: { en: 'No', es: 'No' } },
  { value: 1, label: { en: 'Yes', es: 'Sí' } },
];

/** One "is there someone you could ask…" question, in our own words. */
const ask = (id: string, en: string, es: string) => ({
  id,
  text: {
    en: `Is there someone you could ask to ${en}?`,
    es: `¿Hay alguien a quien pudieras pedir que ${es}?`,
  },
  options: KNOW,
});

/** What each resource question asks someone to do, in each language: also how a gain is said. */
export const RESOURCE_PHRASES: Readonly<Record<string, { en: string; es: string }>> = {
  shopping: {
    en: 'do some shopping for you if you were unwell',
    es: 'te hiciera la compra si estuvieras enfermo',
  },
  'home-watch': {
    en: 'look after your home or a pet while you are away',
    es: 'cuidara tu casa o tu mascota mientras estás fuera',
  },
  lend: {
    en: 'lend you something you need for the house',
    es: 'te prestara algo que necesitas para casa',
  },
  'money-advice': {
    en: 'help you understand a question about money or benefits',
    es: 'te ayudara a entender una duda sobre dinero o ayudas',
  },
  'health-advice': {
    en: 'talk through a question about your health',
    es: 'hablara contigo de una duda sobre tu salud',
  },
  letters: {
    en: 'explain an official letter you are not sure about',
    es: 'te explicara una carta oficial que no entiendes bien',
  },
  repairs: {
    en: 'help you mend something at home',
    es: 'te ayudara a arreglar algo en casa',
  },
  phone: {
    en: 'show you how to do something on a phone or computer',
    es: 'te enseñara a hacer algo en el móvil o el ordenador',
  },
  forms: {
    en: 'help you fill in a form',
    es: 'te ayudara a rellenar un formulario',
  },
  decision: {
    en: 'help you think through a hard decision',
    es: 'te ayudara a pensar una decisión difícil',
  },
  worry: {
    en: 'listen if something was worrying you',
    es: 'te escuchara si algo te preocupara',
  },
  work: {
    en: 'help you find work or volunteering',
    es: 'te ayudara a encontrar trabajo o voluntariado',
  },
};

/**
 * Kith's own resource generator, in our words, over the four domains of the RG-UK structure
 * (domestic resources, expert advice, personal skills, problem solving): does the member know
 * someone who could help with each. 0 to 12, and 0 to 3 per domain; higher is better.
 */
export const KITH_RESOURCES: Instrument = INSTRUMENT.parse({
  id: 'kith-resources',
  version: 1,
  title: { en: 'The people you can turn to', es: 'Las personas a las que puedes acudir' },
  licence:
    'Written by Kith for Kith; free to use. Structured after the four domains of RG-UK (Webber and Huxley, 2007), whose own items are not used.',
  items: Object.entries(RESOURCE_PHRASES).map(([id, { en, es }]) => ask(id, en, es)),
  subscales: [
    { id: 'domestic', items: ['shopping', 'home-watch', 'lend'] },
    { id: 'expert-advice', items: ['money-advice', 'health-advice', 'letters'] },
    { id: 'personal-skills', items: ['repairs', 'phone', 'forms'] },
    { id: 'problem-solving', items: ['decision', 'worry', 'work'] },
  ],
  scoring: { method: 'sum', higherIs: 'better' },
});

export const SHIPPED_INSTRUMENTS: readonly Instrument[] = [UCLA_3, ONS_DIRECT, KITH_RESOURCES];
