import { router } from 'expo-router';

import { PeopleScreen } from '../../src/screens/people/people-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function PeopleRoute() {
  return (
    <RouteFrame route="people">
      <PeopleScreen
        onMeet={(sessionId) => router.push({ pathname: '/met/[sessionId]', params: { sessionId } })}
        onOpenSuggested={() => router.push('/people/suggested')}
        onOpenIntroductions={() => router.push('/people/introductions')}
      />
    </RouteFrame>
  );
}
