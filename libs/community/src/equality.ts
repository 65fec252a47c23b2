/**
 * Equality monitoring: the Equality Act 2010's protected characteristics a member may choose to
 * give, so that commissioners can see whom Kith reaches (and whom it misses). Each is optional,
 * with "prefer not to say" an answer of its own; categories follow the ONS's 2021 Census
 * questions at their highest level, so they compare with published local figures. Age is asked
 * on the profile (its band is used in matching too). Marriage and civil partnership, and
 * pregnancy and maternity, are not asked: nothing Kith offers or reports turns on them, and a
 * question with no use is data held for nothing.
 *
 * Special category data (UK GDPR article 9): shown to nobody but the member, never used in
 * matching or nudges, and read only into the reports' disclosure-controlled counts.
 */
export interface EqualityOption {
  slug: string;
  label: string;
}

export interface EqualityQuestion {
  /** The field of the input and the report's characteristic. */
  key: EqualityKey;
  /** The table column it is kept in. */
  column: string;
  characteristic: string;
  question: string;
  options: EqualityOption[];
}

const PREFER_NOT = { slug: 'prefer-not-to-say', label: 'Prefer not to say' };
const o = (slug: string, label: string): EqualityOption => ({ slug, label });

export const EQUALITY_KEYS = [
  'sex',
  'genderIdentity',
  'ethnicGroup',
  'disability',
  'religion',
  'sexualOrientation',
] as const;
export type EqualityKey = (typeof EQUALITY_KEYS)[number];

export const EQUALITY_QUESTIONS: readonly EqualityQuestion[] = [
  {
    key: 'sex',
    column: 'sex',
    characteristic: 'Sex',
    question: 'What is your sex?',
    options: [o('female', 'Female'), o('male', 'Male'), PREFER_NOT],
  },
  {
    key: 'genderIdentity',
    column: 'gender_identity',
    characteristic: 'Gender reassignment',
    question: 'Is the gender you identify with the same as your sex registered at birth?',
    options: [o('same', 'Yes'), o('different', 'No'), PREFER_NOT],
  },
  {
    key: 'ethnicGroup',
    column: 'ethnic_group',
    characteristic: 'Race (ethnic group)',
    question: 'What is your ethnic group?',
    options: [
      o('asian', 'Asian, Asian British or Asian Welsh'),
      o('black', 'Black, Black British, Black Welsh, Caribbean or African'),
      o('mixed', 'Mixed or multiple ethnic groups'),
      o('white', 'White'),
      o('other', 'Other ethnic group'),
      PREFER_NOT,
    ],
  },
  {
    key: 'disability',
    column: 'disability',
    characteristic: 'Disability',
    question:
      'Do you have a physical or mental health condition or illness lasting or expected to last 12 months or more, that reduces your ability to carry out day-to-day activities?',
    options: [o('yes', 'Yes'), o('no', 'No'), PREFER_NOT],
  },
  {
    key: 'religion',
    column: 'religion',
    characteristic: 'Religion or belief',
    question: 'What is your religion?',
    options: [
      o('none', 'No religion'),
      o('christian', 'Christian'),
      o('buddhist', 'Buddhist'),
      o('hindu', 'Hindu'),
      o('jewish', 'Jewish'),
      o('muslim', 'Muslim'),
      o('sikh', 'Sikh'),
      o('other', 'Any other religion'),
      PREFER_NOT,
    ],
  },
  {
    key: 'sexualOrientation',
    column: 'sexual_orientation',
    characteristic: 'Sexual orientation',
    question: 'Which of the following best describes your sexual orientation?',
    options: [
      o('straight', 'Straight or heterosexual'),
      o('gay-or-lesbian', 'Gay or lesbian'),
      o('bisexual', 'Bisexual'),
      o('other', 'Another sexual orientation'),
      PREFER_NOT,
    ],
  },
];

/** A member's answers: a question's option slug, or null where they have not answered it. */
export type EqualityAnswers = Record<EqualityKey, string | null>;
