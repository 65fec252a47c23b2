import { router } from 'expo-router';

import { SurveysScreen } from '../../src/screens/surveys/surveys-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function SurveysRoute() {
  return (
    <RouteFrame route="surveys">
      <SurveysScreen
        onStart={(instrumentId) =>
          router.push({ pathname: '/surveys/[instrumentId]', params: { instrumentId } })
        }
      />
    </RouteFrame>
  );
}
