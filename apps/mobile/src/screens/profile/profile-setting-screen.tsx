import { useStrings, type Strings } from '../../i18n/language';
import { Screen } from '../../ui/screen';
import { QueryView } from '../../ui/states';
import { AccessStep, DistanceStep, GoalsStep, InterestsStep, TimesStep } from './choice-steps';
import { StepProgress, type StepNav } from './step-frame';
import type { ProfileSetting } from './steps';
import { HomeStep, NameStep } from './text-steps';
import { useMyProfile, type MyProfile } from './use-profile';

export { isProfileSetting } from './steps';
export type { StepNav } from './step-frame';

const strings: Strings<Record<ProfileSetting, string> & { loading: string }> = {
  en: {
    name: 'Your first name',
    home: 'Where you live',
    interests: 'What you enjoy',
    times: 'When you are free',
    access: 'What you need to take part',
    goals: 'What you hope for',
    distance: 'How far you will go',
    loading: 'Getting your details',
  },
  es: {
    name: 'Tu nombre',
    home: 'Dónde vives',
    interests: 'Lo que te gusta',
    times: 'Cuándo tienes tiempo',
    access: 'Lo que necesitas para participar',
    goals: 'Lo que esperas',
    distance: 'Hasta dónde irías',
    loading: 'Cargando tus datos',
  },
};

/** The title of each part of the profile, in the member's language (Settings lists them). */
export const profileSettingTitles = strings;

function Step({
  setting,
  profile,
  nav,
}: {
  setting: ProfileSetting;
  profile: MyProfile;
  nav: StepNav;
}) {
  switch (setting) {
    case 'name':
      return <NameStep profile={profile} nav={nav} />;
    case 'home':
      return <HomeStep profile={profile} nav={nav} />;
    case 'interests':
      return <InterestsStep profile={profile} nav={nav} />;
    case 'times':
      return <TimesStep profile={profile} nav={nav} />;
    case 'access':
      return <AccessStep profile={profile} nav={nav} />;
    case 'goals':
      return <GoalsStep profile={profile} nav={nav} />;
    case 'distance':
      return <DistanceStep profile={profile} nav={nav} />;
  }
}

/**
 * One part of the member's profile: a step of onboarding (with `nav.progress`), or opened on its
 * own from Settings or For you.
 */
export function ProfileSettingScreen({ setting, nav }: { setting: ProfileSetting; nav: StepNav }) {
  const t = useStrings(strings);
  const profile = useMyProfile();
  return (
    <Screen title={t[setting]}>
      <StepProgress nav={nav} />
      <QueryView query={profile} loadingText={t.loading}>
        {(data) => <Step key={setting} setting={setting} profile={data.me} nav={nav} />}
      </QueryView>
    </Screen>
  );
}
