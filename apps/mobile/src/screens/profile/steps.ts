/** The parts of a member's profile, each a step of onboarding and a screen of its own. */
export const PROFILE_SETTINGS = [
  'name',
  'home',
  'interests',
  'times',
  'access',
  'goals',
  'distance',
] as const;

export type ProfileSetting = (typeof PROFILE_SETTINGS)[number];

export function isProfileSetting(value: string | undefined): value is ProfileSetting {
  return PROFILE_SETTINGS.some((s) => s === value);
}

/** The step after `setting` in onboarding, or undefined after the last. */
export function nextSetting(setting: ProfileSetting): ProfileSetting | undefined {
  return PROFILE_SETTINGS[PROFILE_SETTINGS.indexOf(setting) + 1];
}
