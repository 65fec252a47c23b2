import { router } from 'expo-router';

import { PeopleScreen } from '../../src/screens/people/people-screen';
import { RouteHeader } from '../../src/screens/more/route-header';

export default function PeopleRoute() {
  return (
    <>
      <RouteHeader route="people" />
      <PeopleScreen
        onMeet={(sessionId) => router.push({ pathname: '/met/[sessionId]', params: { sessionId } })}
        onOpenSuggested={() => router.push('/people/suggested')}
        onOpenIntroductions={() => router.push('/people/introductions')}
      />
    </>
  );
}
