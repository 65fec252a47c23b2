import { useQueryClient } from '@tanstack/react-query';

import {
  ForYouDocument,
  MyProfileDocument,
  UpdateMemberProfileDocument,
  type MyProfileQuery,
} from '../../gql/graphql';
import { documentName, useApiMutation, useApiQuery } from '../../query/use-api-query';

export type MyProfile = MyProfileQuery['me'];

/** The member's own profile, kept for reading with no signal. */
export function useMyProfile() {
  return useApiQuery(MyProfileDocument, {}, { meta: { persist: true } });
}

/**
 * Saves part of the profile. Only the fields given change; nothing is saved when the API refuses
 * any of them. What was shown from the profile (and the suggestions made from it) is read again.
 */
export function useSaveProfile({ onSaved }: { onSaved?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useApiMutation(UpdateMemberProfileDocument, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [documentName(MyProfileDocument)] });
      void queryClient.invalidateQueries({ queryKey: [documentName(ForYouDocument)] });
      onSaved?.();
    },
  });
}
