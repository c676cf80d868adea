/**
 * Dashboard entry: the shell (header, nav from the route table, signed-in user, language switch) and the
 * router. When the API answers 401 `unauthenticated` the page gives way to the login form; after signing
 * in, the current route is drawn again.
 */
import "./style.css";
import type { Locale } from "../charts/api-types.js";
import { ApiError, api, type SessionInfo, setAuthRequiredHandler } from "./api.js";
import { disposeCharts } from "./chart-host.js";
import { h } from "./dom.js";
import { initialLang, type Messages, messages, persistLang } from "./i18n.js";
import { renderLoginForm } from "./pages/login-page.js";
import { routeFor, routes } from "./routes.js";

let lang: Locale = initialLang(location.search, window.localStorage);
/** the login form replaces the page: the API asked for it (401) or the user chose "Sign in" */
let login: false | "required" | "chosen" = false;

setAuthRequiredHandler(() => {
  if (login === "required") return;
  login = "required";
  void render();
});

/** The header's user box: name and role with "Sign out", or "Sign in" for an anonymous visitor. */
function userBox(m: Messages): HTMLElement {
  const box = h("div", { class: "user", "data-testid": "user" });
  const fill = (session: SessionInfo): void => {
    if (session.via === "session" || session.via === "token") {
      const signOut = h(
        "button",
        { type: "button", class: "header-button", "data-testid": "sign-out" },
        m.auth.signOut,
      );
      const failure = h("span", { class: "user-error", role: "alert" });
      signOut.addEventListener("click", () => {
        void (async () => {
          signOut.disabled = true;
          try {
            await api.logout(lang);
            login = false;
            await render();
          } catch (e) {
            signOut.disabled = false;
            failure.textContent = `${m.auth.signOutFailed}${lang === "en" ? ": " : "："}${e instanceof ApiError ? `${e.message} (${e.code})` : String(e)}`;
          }
        })();
      });
      const role = session.role === null ? "" : m.auth.roles[session.role];
      box.replaceChildren(
        h(
          "span",
          { class: "user-who", title: `${m.auth.signedInAs} ${session.name}` },
          h("span", { class: "user-name", "data-testid": "user-name" }, session.name),
          h("span", { class: "user-role", "data-testid": "user-role" }, role),
        ),
        signOut,
        failure,
      );
    } else if (session.via === "anonymous" && login === false) {
      const signIn = h("button", { type: "button", class: "header-button", "data-testid": "sign-in" }, m.auth.signIn);
      signIn.addEventListener("click", () => {
        login = "chosen";
        void render();
      });
      box.replaceChildren(signIn);
    }
    // `local` (a server without users): nobody to sign in as
  };
  api.session(lang).then(fill, () => undefined);
  return box;
}

function setLangInUrl(l: Locale): void {
  const url = new URL(location.href);
  url.searchParams.set("lang", l);
  history.replaceState(null, "", url);
}

async function render(): Promise<void> {
  const m = messages(lang);
  document.documentElement.lang = lang;
  document.title = `${m.appTitle} · ${m.appSubtitle}`;
  const active = routeFor(location.hash);

  const nav = h("nav", { class: "nav", "aria-label": m.appTitle });
  for (const r of routes) {
    if (r.render === undefined) {
      nav.append(
        h(
          "span",
          { class: "nav-item planned", "aria-disabled": "true", title: m.nav.comingLater },
          r.title(m),
          h("small", {}, m.nav.comingLater),
        ),
      );
    } else {
      nav.append(
        h(
          "a",
          {
            class: r === active ? "nav-item active" : "nav-item",
            href: `#${r.path}`,
            "aria-current": r === active ? "page" : undefined,
          },
          r.title(m),
        ),
      );
    }
  }
  const langButton = h(
    "button",
    { type: "button", class: "lang-switch", "data-testid": "lang-switch", lang: lang === "en" ? "zh-CN" : "en" },
    m.switchLanguage,
  );
  langButton.addEventListener("click", () => {
    lang = lang === "en" ? "zh-CN" : "en";
    persistLang(lang, window.localStorage);
    setLangInUrl(lang);
    void render();
  });
  const header = h(
    "header",
    { class: "app-header" },
    h(
      "div",
      { class: "brand" },
      h("span", { class: "brand-name", "data-testid": "app-title" }, m.appTitle),
      h("span", { class: "brand-sub" }, m.appSubtitle),
    ),
    nav,
    userBox(m),
    langButton,
  );
  const main = h("main", { class: "page", id: "page" });
  disposeCharts();
  document.getElementById("app")?.replaceChildren(header, main);
  if (login !== false) {
    renderLoginForm({
      lang,
      root: main,
      onSignedIn: async () => {
        login = false;
        await render();
      },
    });
    return;
  }
  if (active.render !== undefined) await active.render({ lang, root: main });
}

window.addEventListener("hashchange", () => {
  // navigating away from a chosen login form; a required one comes back with the route's 401
  login = false;
  void render();
});
void render();
