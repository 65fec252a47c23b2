import { Redirect, router, useLocalSearchParams } from 'expo-router';

import { SurveyScreen } from '../../src/screens/surveys/survey-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function SurveyRoute() {
  const { instrumentId } = useLocalSearchParams<{ instrumentId?: string }>();
  if (!instrumentId) return <Redirect href="/surveys" />;
  return (
    <RouteFrame route="survey">
      <SurveyScreen
        instrumentId={instrumentId}
        onDone={() => (router.canGoBack() ? router.back() : router.replace('/surveys'))}
      />
    </RouteFrame>
  );
}
