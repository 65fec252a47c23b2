import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
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
  /**
   * Work that needs the member's tokens as they sign out (unregistering push), kept short by the
   * task itself; returns an undo.
   */
  onBeforeSignOut: (task: () => Promise<unknown>) => () => void;
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
  const beforeSignOut = useRef(new Set<() => Promise<unknown>>());
  const onBeforeSignOut = useCallback((task: () => Promise<unknown>) => {
    beforeSignOut.current.add(task);
    return () => void beforeSignOut.current.delete(task);
  }, []);
  const signOut = useCallback(async () => {
    // While the tokens still work; a task that fails does not stop the member signing out.
    await Promise.allSettled([...beforeSignOut.current].map((task) => task()));
    await client.signOut();
  }, [client]);
  const value = useMemo(
    () => ({ status, signIn, signOut, onBeforeSignOut }),
    [status, signIn, signOut, onBeforeSignOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}
