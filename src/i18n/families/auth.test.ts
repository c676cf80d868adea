import { describe, expect, it } from "vitest";
import { t } from "../messages.js";
import { EN } from "./auth.js";

/** Example params of every auth-family string, as the emitters send them. */
const EXAMPLES: { [K in keyof typeof EN]: Record<string, string | number> } = {
  "error.dataset_protected": { id: "cn-nbs-io-2005-42" },
  "error.unauthenticated": {},
  "error.forbidden_role": { role: "viewer", required: "analyst", action: "write" },
  "error.not_owner": { id: "user/bob/t", namespace: "user/ana/" },
  "error.foreign_origin": { origin: "http://evil.example" },
  "error.csrf_token": {},
  "error.host_not_allowed": { host: "attacker.example", allowed: "localhost, 127.0.0.1, ::1" },
  "error.invalid_login": {},
  "error.too_many_logins": { minutes: 15 },
  "usage.bind_needs_auth": { host: "0.0.0.0" },
  "usage.user_exists": { name: "ana" },
  "usage.unknown_user": { name: "ana" },
  "usage.invalid_user_name": { name: "../x" },
  "msg.exposed": { host: "0.0.0.0", users: 3, admins: 1, hosts: "localhost, 192.0.2.7" },
  "msg.user_added": { name: "ana", role: "analyst" },
  "msg.user_revoked": { name: "ana" },
  "msg.token_issued": { name: "ana" },
};

describe("auth family messages", () => {
  it("renders every string in zh-CN and en with its example params (no unfilled placeholder)", () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      for (const lang of ["zh-CN", "en"] as const) {
        const text = t(key, lang, EXAMPLES[key] as never);
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}|undefined|NaN/);
        if (lang === "zh-CN") expect(text, key).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});
