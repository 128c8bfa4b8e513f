import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { canCall, loadCapabilities, type Capabilities } from '../api/capabilities';
import { useSession } from './session-context';

interface CapabilityState {
  ready: boolean;
  /** True when the route exists at the gateway and the signed-in role may call it. */
  can(method: string, template: string): boolean;
}

const CapabilityContext = createContext<CapabilityState>({ ready: false, can: () => false });

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);

  useEffect(() => {
    let live = true;
    // loaded again at each sign-in: services come online while the app is open
    loadCapabilities()
      .then((found) => live && setCapabilities(found))
      .catch(() => live && setCapabilities(new Map()));
    return () => {
      live = false;
    };
  }, [user?.id]);

  const can = useCallback(
    (method: string, template: string) => capabilities !== null && canCall(capabilities, method, template, user?.role),
    [capabilities, user?.role],
  );
  return <CapabilityContext.Provider value={{ ready: capabilities !== null, can }}>{children}</CapabilityContext.Provider>;
}

export function useCapabilities(): CapabilityState {
  return useContext(CapabilityContext);
}
