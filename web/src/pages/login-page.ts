/**
 * The login form (登录): shown by the shell when the API answers 401 `unauthenticated`, or when the user
 * chooses "Sign in". Posts `{name, password}` to `POST /api/session`; the server sets the session cookie
 * (HttpOnly) and the CSRF cookie. Errors are the API's coded, localised messages (wrong password, too
 * many attempts …), announced (`role="alert"`) and focused.
 */
import type { Locale } from "../../charts/api-types.js";
import { ApiError, api } from "../api.js";
import { h } from "../dom.js";
import { messages } from "../i18n.js";

export interface LoginFormOptions {
  readonly lang: Locale;
  readonly root: HTMLElement;
  /** called after a successful sign-in (the shell reloads the current route) */
  readonly onSignedIn: () => void | Promise<void>;
}

/** The user name typed so far: kept across a language switch, never the password. */
let typedName = "";

/** Draws the login form into `root` and focuses its first empty field. */
export function renderLoginForm(options: LoginFormOptions): void {
  const { lang, root } = options;
  const m = messages(lang);
  const colon = lang === "en" ? ": " : "：";
  const name = h("input", {
    id: "login-name",
    name: "username",
    type: "text",
    autocomplete: "username",
    autocapitalize: "none",
    spellcheck: "false",
    required: true,
    maxlength: 64,
    "data-testid": "login-name",
  });
  name.value = typedName;
  name.addEventListener("input", () => {
    typedName = name.value;
  });
  const password = h("input", {
    id: "login-password",
    name: "password",
    type: "password",
    autocomplete: "current-password",
    required: true,
    maxlength: 1024,
    "data-testid": "login-password",
  });
  const error = h("p", {
    id: "login-error",
    class: "status error",
    role: "alert",
    tabindex: -1,
    hidden: true,
    "data-testid": "login-error",
  });
  const submit = h("button", { type: "submit", class: "primary", "data-testid": "login-submit" }, m.auth.submit);
  const form = h(
    "form",
    { class: "login-form", "aria-labelledby": "login-title", "data-testid": "login-form" },
    h("div", { class: "field" }, h("label", { for: "login-name" }, m.auth.userName), name),
    h("div", { class: "field" }, h("label", { for: "login-password" }, m.auth.password), password),
    error,
    submit,
  );

  const showError = (text: string, field: HTMLInputElement | undefined): void => {
    error.textContent = text;
    error.hidden = false;
    for (const input of [name, password]) {
      const bad = input === field;
      input.setAttribute("aria-invalid", bad ? "true" : "false");
      if (bad) input.setAttribute("aria-describedby", "login-error");
      else input.removeAttribute("aria-describedby");
    }
    if (field !== undefined) {
      field.focus();
      field.select();
    } else error.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      submit.disabled = true;
      submit.textContent = m.auth.signingIn;
      form.setAttribute("aria-busy", "true");
      try {
        await api.login(name.value.trim(), password.value, lang);
        password.value = "";
        await options.onSignedIn();
      } catch (e) {
        if (e instanceof ApiError) {
          // wrong name or password: retype the password; too many attempts and others: read the message
          const field = e.code === "invalid_login" ? password : e.code === "bad_request" ? name : undefined;
          showError(`${m.auth.failed}${colon}${e.message} (${e.code})`, field);
        } else showError(`${m.auth.failed}${colon}${e instanceof Error ? e.message : String(e)}`, undefined);
      } finally {
        submit.disabled = false;
        submit.textContent = m.auth.submit;
        form.removeAttribute("aria-busy");
      }
    })();
  });

  root.replaceChildren(
    h(
      "section",
      { class: "login panel" },
      h("h1", { id: "login-title", "data-testid": "page-title" }, m.auth.title),
      h("p", { class: "intro" }, m.auth.intro),
      form,
    ),
  );
  (name.value === "" ? name : password).focus();
}
