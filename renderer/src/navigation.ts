import { createContext, useContext } from 'react';

/** Where the signed-in app is. Kept in state: app:// serves only "/", there is no URL routing. */
export type Route =
  | { name: 'today' }
  | { name: 'case'; caseId: string }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'printQueue' }
  | { name: 'certificate' }
  | { name: 'iomImport' }
  | { name: 'reports' }
  | { name: 'checkDocument' }
  | { name: 'appointments'; date?: string }
  | { name: 'password' };

export const NavContext = createContext<(route: Route) => void>(() => undefined);

export function useNavigate(): (route: Route) => void {
  return useContext(NavContext);
}
