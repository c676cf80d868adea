import { describe, expect, it } from "vitest";
import { detectLang, formatMoney, formatNumber, formatPercent, roundHalfUp } from "./format.js";

describe("roundHalfUp", () => {
  it("rounds the shortest decimal half away from zero (spec §0.2 unit tests)", () => {
    expect(roundHalfUp(40.625, 2)).toBe("40.63"); // Python round gives 40.62
    expect(roundHalfUp(2.675, 2)).toBe("2.68"); // toFixed gives 2.67
    expect(roundHalfUp(0.285, 2)).toBe("0.29");
    expect(roundHalfUp(-1.005, 2)).toBe("-1.01");
  });
  it("pads, carries and handles zero and exponents", () => {
    expect(roundHalfUp(1, 3)).toBe("1.000");
    expect(roundHalfUp(9.995, 2)).toBe("10.00");
    expect(roundHalfUp(99.5, 0)).toBe("100");
    expect(roundHalfUp(-0.004, 2)).toBe("0.00");
    expect(roundHalfUp(1.5e-7, 7)).toBe("0.0000002");
    expect(roundHalfUp(1e21, 0)).toBe("1000000000000000000000");
    expect(roundHalfUp(0.041989, 2)).toBe("0.04");
    expect(roundHalfUp(1.041989, 6)).toBe("1.041989");
    expect(roundHalfUp(Number.NaN, 2)).toBe("NaN");
  });
});

describe("formatNumber", () => {
  it("groups thousands and renders missing values as a dash", () => {
    expect(formatNumber(1234567.891, { digits: 2 })).toBe("1,234,567.89");
    expect(formatNumber(-1234.5, { digits: 0 })).toBe("-1,235");
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(0.5, { digits: 1, grouping: false })).toBe("0.5");
  });
  it("formats percents from fractions", () => {
    expect(formatPercent(0.40625)).toBe("40.63%");
  });
});

describe("formatMoney", () => {
  it("scales to 万/亿/万亿 in zh-CN and million/billion/trillion in en", () => {
    expect(formatMoney(1.0164e9, "cny_10k", "zh-CN")).toBe("10.16万亿元");
    expect(formatMoney(1.0164e9, "cny_10k", "en")).toBe("10.16 trillion yuan");
    expect(formatMoney(59.2, "cny_1t", "zh-CN")).toBe("59.20万亿元");
    expect(formatMoney(127555, "cny_100m", "zh-CN")).toBe("12.76万亿元");
    expect(formatMoney(3500, "cny_100m", "zh-CN")).toBe("3,500.00亿元");
    expect(formatMoney(12345, "cny_yuan", "zh-CN")).toBe("1.23万元");
    expect(formatMoney(999, "cny_yuan", "en")).toBe("999.00 yuan");
    expect(formatMoney(2500, "usd_million", "en")).toBe("2.50 billion USD");
  });
});

describe("detectLang", () => {
  it("takes the first supported candidate and defaults to zh-CN", () => {
    expect(detectLang(undefined, "en")).toBe("en");
    expect(detectLang("fr", "en-US,en;q=0.9")).toBe("en");
    expect(detectLang("fr;q=1, zh-TW;q=0.5, en;q=0.8")).toBe("en");
    expect(detectLang("zh")).toBe("zh-CN");
    expect(detectLang()).toBe("zh-CN");
    expect(detectLang("de")).toBe("zh-CN");
  });
});
