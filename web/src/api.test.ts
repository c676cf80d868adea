import { describe, expect, it } from "vitest";
import { cookieValue, writeHeaders } from "./api.js";

describe("CSRF header of state-changing requests", () => {
  it("reads the shushi_csrf cookie among others (trimmed, URI-decoded)", () => {
    expect(cookieValue("lang=en; shushi_csrf=abc-_1; other=x", "shushi_csrf")).toBe("abc-_1");
    expect(cookieValue("xshushi_csrf=no; shushi_csrf=a%2Bb", "shushi_csrf")).toBe("a+b");
    expect(cookieValue("lang=en", "shushi_csrf")).toBeUndefined();
    expect(cookieValue("", "shushi_csrf")).toBeUndefined();
  });

  it("sends X-CSRF-Token when signed in, nothing without a session", () => {
    expect(writeHeaders("shushi_csrf=tok")).toEqual({ "X-CSRF-Token": "tok" });
    expect(writeHeaders("lang=zh-CN")).toEqual({});
    expect(writeHeaders("shushi_csrf=")).toEqual({});
  });
});
