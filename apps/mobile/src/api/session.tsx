import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

import { useApiClient } from './api-client-context';
import type { Tokens } from './tokens';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut';

interface SessionValue {
  status: SessionStatus;
  signIn(tokens: Tokens): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({
  children,
  onSignedOut,
}: {
  children: ReactNode;
  /** Forgets what was kept for the member who left (the persisted cache). */
  onSignedOut?: () => unknown;
}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');

  useEffect(() => {
    let live = true;
    void client.isSignedIn().then((signedIn) => {
      if (live) setStatus(signedIn ? 'signedIn' : 'signedOut');
    });
    const unsubscribe = client.subscribe((signedIn) => {
      setStatus(signedIn ? 'signedIn' : 'signedOut');
      if (!signedIn) {
        queryClient.clear();
        void Promise.resolve(onSignedOut?.());
      }
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, queryClient, onSignedOut]);

  const signIn = useCallback((tokens: Tokens) => client.startSession(tokens), [client]);
  const signOut = useCallback(() => client.signOut(), [client]);
  const value = useMemo(() => ({ status, signIn, signOut }), [status, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}
