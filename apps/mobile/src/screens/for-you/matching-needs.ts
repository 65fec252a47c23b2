/** The settings screens a need can send the member to (see app/profile/[setting].tsx). */
export type ProfileSetting = 'home' | 'interests' | 'distance' | 'access' | 'times';

export interface NeedHelp {
  /** Why there are no suggestions, in plain words. */
  text: string;
  /** The change that would help, when there is one the member can make. */
  action?: { label: string; setting: ProfileSetting };
}

/**
 * What each of the API's `matchingNeeds` means to a member. The API adds new needs over time
 * (the type lists only those in today's schema), so a name not listed here gets a general line.
 */
const NEEDS: Readonly<Record<string, NeedHelp>> = {
  HOME: {
    text: 'We do not know where you live yet, so we cannot find things near you.',
    action: { label: 'Add your postcode', setting: 'home' },
  },
  INTERESTS: {
    text: 'Tell us what you enjoy, so we can find things you might like.',
    action: { label: 'Choose what you enjoy', setting: 'interests' },
  },
  RADIUS: {
    text: 'There is nothing close enough to you. Going a bit further would help.',
    action: { label: 'Change how far you will go', setting: 'distance' },
  },
  ACCESS_NEEDS: {
    text: 'Nothing near you has everything you need to get in and take part yet.',
    action: { label: 'Check your access needs', setting: 'access' },
  },
  AVAILABILITY: {
    text: 'Nothing near you happens at the times you are free.',
    action: { label: 'Change when you are free', setting: 'times' },
  },
  NO_SESSIONS_NEARBY: {
    text: 'There is nothing on near you yet. We add new things every week.',
    action: { label: 'Change how far you will go', setting: 'distance' },
  },
};

export const UNKNOWN_NEED: NeedHelp = {
  text: 'Something else is stopping us finding things for you. Your Kith coordinator can help.',
};

export function needHelp(need: string): NeedHelp {
  return NEEDS[need] ?? UNKNOWN_NEED;
}
