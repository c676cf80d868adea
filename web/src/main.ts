/** Dashboard entry: the shell (header, nav from the route table, language switch) and the router. */
import "./style.css";
import type { Locale } from "../charts/api-types.js";
import { disposeCharts } from "./chart-host.js";
import { h } from "./dom.js";
import { initialLang, messages, persistLang } from "./i18n.js";
import { routeFor, routes } from "./routes.js";

let lang: Locale = initialLang(location.search, window.localStorage);

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
    langButton,
  );
  const main = h("main", { class: "page", id: "page" });
  disposeCharts();
  document.getElementById("app")?.replaceChildren(header, main);
  if (active.render !== undefined) await active.render({ lang, root: main });
}

window.addEventListener("hashchange", () => void render());
void render();
