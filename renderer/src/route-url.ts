import type { Route } from './navigation';
import { caseListFromParams, caseListToParams } from './screens/cases/list-state';

/**
 * The route in the address and the browser's history: each screen opened is a history entry, so
 * the back button returns to the screen (and the Cases screen's filters) left; the Cases list and
 * an open case are also written in the address's query, so a reload or a bookmark restores them.
 * (app:// serves "/" whatever the query; the harness's token lives in the fragment, untouched.)
 */

/** The routes of this page's history entries, by position (a reload forgets them: the query remains). */
const visited: Route[] = [];
/** Entries made before a reload name positions of a list that is gone: they are told apart by this. */
const pageLoad = crypto.randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The address's query for a route ("" for the screens not written there). */
export function routeToSearch(route: Route): string {
  const params = new URLSearchParams();
  if (route.name === 'cases') {
    params.set('screen', 'cases');
    caseListToParams(route.list, params);
  } else if (route.name === 'case') {
    params.set('screen', 'case');
    params.set('id', route.caseId);
  } else if (route.name === 'dataSafety') {
    // A restore or a backup in progress is watched here: a reload comes back to it.
    params.set('screen', 'dataSafety');
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The route an address's query names, or null (no query, or one this version does not know). */
export function routeFromSearch(search: string): Route | null {
  const params = new URLSearchParams(search);
  const screen = params.get('screen');
  if (screen === 'cases') return { name: 'cases', list: caseListFromParams(params) };
  if (screen === 'dataSafety') return { name: 'dataSafety' };
  const id = params.get('id');
  if (screen === 'case' && id !== null && UUID.test(id)) return { name: 'case', caseId: id };
  return null;
}

/** Record a route the app went to: a new history entry, or (typing in a search box) the current one rewritten. */
export function recordRoute(route: Route, replace: boolean): void {
  const url = `${location.pathname}${routeToSearch(route)}`;
  const current = entryIndex(history.state);
  if (replace && current !== null) {
    visited[current] = route;
    history.replaceState({ avrrRoute: current, pageLoad }, '', url);
  } else {
    visited.push(route);
    history.pushState({ avrrRoute: visited.length - 1, pageLoad }, '', url);
  }
}

/** Whose screens the address holds in this page (someone else may sign in at the lock screen). */
let owner: string | null = null;

/**
 * The first route after signing in (or a reload): what the address names, unless it was another
 * person's (their search stays theirs); the entry is made ours.
 */
export function initialRoute(fallback: Route, userId: string): Route {
  const route = owner === null || owner === userId ? (routeFromSearch(location.search) ?? fallback) : fallback;
  owner = userId;
  visited.push(route);
  history.replaceState({ avrrRoute: visited.length - 1, pageLoad }, '', `${location.pathname}${routeToSearch(route)}`);
  return route;
}

/** The route of the history entry the back or forward button arrived at. */
export function routeOfEntry(state: unknown, fallback: Route): Route {
  const i = entryIndex(state);
  return (i !== null ? visited[i] : undefined) ?? routeFromSearch(location.search) ?? fallback;
}

/** Signing out: nothing of the last person's search stays in the address. */
export function clearRouteUrl(): void {
  history.replaceState(null, '', location.pathname);
}

function entryIndex(state: unknown): number | null {
  if (typeof state !== 'object' || state === null || !('avrrRoute' in state) || !('pageLoad' in state)) return null;
  return typeof state.avrrRoute === 'number' && state.pageLoad === pageLoad ? state.avrrRoute : null;
}
