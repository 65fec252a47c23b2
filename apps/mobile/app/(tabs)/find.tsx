import { useQueryClient } from '@tanstack/react-query';
import { router, useFocusEffect } from 'expo-router';
import { useCallback } from 'react';

import { FindScreen } from '../../src/screens/find/find-screen';

export default function FindRoute() {
  const queryClient = useQueryClient();
  // Back from adding a postcode (or changing interests): ask again what was missing.
  useFocusEffect(
    useCallback(() => {
      void queryClient.invalidateQueries({ queryKey: ['FindChoices'] });
      void queryClient.invalidateQueries({
        queryKey: ['FindSessions'],
        predicate: (query) => query.state.status === 'error',
      });
    }, [queryClient]),
  );
  return (
    <FindScreen
      onOpenSession={(id) => router.push(`/session/${id}`)}
      onAddHome={() => router.push('/profile/home')}
    />
  );
}
