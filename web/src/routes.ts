/**
 * The page table of the dashboard shell. Later modules add a page by adding a row here with a
 * `render`; rows without one are shown in the nav as "coming later" and are not navigable.
 */
import type { Locale } from "../charts/api-types.js";
import type { Messages } from "./i18n.js";
import { renderEconometricsPage } from "./pages/econometrics-page.js";
import { renderIndexPage } from "./pages/index-page.js";
import { renderIoPage } from "./pages/io-page.js";
import { renderRegionPage } from "./pages/region-page.js";
import { renderTiersPage } from "./pages/tiers-page.js";

export interface PageContext {
  readonly lang: Locale;
  readonly root: HTMLElement;
}

export interface Route {
  /** hash path, e.g. `/io` (URL `#/io`) */
  readonly path: string;
  /** picks the nav title from the messages */
  readonly title: (m: Messages) => string;
  /** draws the page into `ctx.root`; absent = planned page */
  readonly render?: (ctx: PageContext) => Promise<void>;
}

export const routes: readonly Route[] = [
  { path: "/io", title: (m) => m.nav.io, render: renderIoPage },
  { path: "/scale", title: (m) => m.nav.scale },
  { path: "/index", title: (m) => m.nav.index, render: renderIndexPage },
  { path: "/region", title: (m) => m.nav.region, render: renderRegionPage },
  { path: "/tiers", title: (m) => m.nav.tiers, render: renderTiersPage },
  { path: "/econometrics", title: (m) => m.nav.econometrics, render: renderEconometricsPage },
];

export const DEFAULT_ROUTE = "/io";

/** The route for a location hash (`#/io`), falling back to the default page. */
export function routeFor(hash: string): Route {
  const path = hash.replace(/^#/, "") || DEFAULT_ROUTE;
  const r = routes.find((x) => x.path === path && x.render !== undefined);
  return r ?? (routes.find((x) => x.path === DEFAULT_ROUTE) as Route);
}
