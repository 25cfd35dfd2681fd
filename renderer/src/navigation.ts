import { createContext, useContext } from 'react';
import type { CaseListState } from './screens/cases/list-state';

/**
 * Where the signed-in app is. Kept in state (app:// serves only "/", there is no URL routing);
 * route-url.ts mirrors it into the browser's history and the address's query.
 */
export type Route =
  | { name: 'today' }
  | { name: 'case'; caseId: string }
  /** Every case, with the filters, order and page shown (written to the address: route-url.ts). */
  | { name: 'cases'; list: CaseListState }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'printQueue' }
  | { name: 'certificate' }
  | { name: 'iomImport' }
  | { name: 'reports' }
  /** Supervisor: backups, restore, the database key, retention (screens/data-safety). */
  | { name: 'dataSafety' }
  /** Supervisor, on the office server: enrolled workstations, enrolment codes, revocation (screens/office). */
  | { name: 'workstations' }
  | { name: 'checkDocument' }
  | { name: 'appointments'; date?: string }
  | { name: 'password' };

/**
 * How a change of route is made: `replace` rewrites the current history entry instead of adding
 * one (typing in a search box); `keepFocus` is a change within the screen (a filter), so the
 * focus stays where the officer is instead of going to the screen's heading.
 */
export interface NavigateHow {
  replace?: boolean;
  keepFocus?: boolean;
}

export const NavContext = createContext<(route: Route, how?: NavigateHow) => void>(() => undefined);

export function useNavigate(): (route: Route, how?: NavigateHow) => void {
  return useContext(NavContext);
}
