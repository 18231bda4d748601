import type { ReactNode } from 'react';
import type { Messages } from './i18n';

/**
 * One screen group of the console, from its own folder: where it lives, its menu entry, who sees the
 * entry, and its messages (an i18next namespace named after the folder). A screen that carries a large
 * library is given as `lazy(() => import(...))` so it loads only when opened.
 */
export interface Feature {
  /** i18next namespace for its messages (`useTranslation(namespace)`). */
  readonly namespace: string;
  readonly messages: Messages;
  /** Menu entry: where it goes, and its label key in `common`. */
  readonly path: string;
  readonly label: string;
  /** Roles that see the menu entry; every signed-in user when absent. The gateway decides what each may read anyway. */
  readonly roles?: readonly string[];
  readonly routes: ReadonlyArray<{ readonly path: string; readonly element: ReactNode }>;
}

/** A feature of one screen, at its menu entry's address; its label is `nav.<namespace>` in `common`. */
export function oneScreenFeature(
  namespace: string,
  messages: Messages,
  path: string,
  element: ReactNode,
  roles?: readonly string[],
): Feature {
  return { namespace, messages, path, label: `nav.${namespace}`, ...(roles ? { roles } : {}), routes: [{ path, element }] };
}
