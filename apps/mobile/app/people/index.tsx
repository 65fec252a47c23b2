import { router } from 'expo-router';

import { PeopleScreen } from '../../src/screens/people/people-screen';

export default function PeopleRoute() {
  return (
    <PeopleScreen
      onMeet={(sessionId) => router.push({ pathname: '/met/[sessionId]', params: { sessionId } })}
      onOpenSuggested={() => router.push('/people/suggested')}
      onOpenIntroductions={() => router.push('/people/introductions')}
    />
  );
}
