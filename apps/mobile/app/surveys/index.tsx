import { router } from 'expo-router';

import { SurveysScreen } from '../../src/screens/surveys/surveys-screen';

export default function SurveysRoute() {
  return (
    <SurveysScreen
      onStart={(instrumentId) =>
        router.push({ pathname: '/surveys/[instrumentId]', params: { instrumentId } })
      }
    />
  );
}
