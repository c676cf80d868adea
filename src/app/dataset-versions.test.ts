import { describe, expect, it } from "vitest";
import { createDatasetVersions, type DatasetVersionSource } from "./dataset-versions.js";
import { DatasetNotFoundError } from "./errors.js";

/** A source over a mutable map that counts lookups; `hold` makes lookups wait for `release`. */
function countingSource(initial: Record<string, string>) {
  const hashes = new Map(Object.entries(initial));
  const calls: string[] = [];
  let gate: Promise<void> | undefined;
  let open = () => {};
  const source: DatasetVersionSource = {
    async getDatasetSha256(id) {
      calls.push(id);
      if (gate !== undefined) await gate;
      return hashes.get(id);
    },
  };
  return {
    source,
    hashes,
    calls,
    hold() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release() {
      gate = undefined;
      open();
    },
  };
}

describe("createDatasetVersions", () => {
  it("looks a dataset's hash up once and answers from memory afterwards", async () => {
    const s = countingSource({ a: "sha-a" });
    const versions = createDatasetVersions(s.source);
    expect(await versions.sha256("a")).toBe("sha-a");
    expect(await versions.sha256("a")).toBe("sha-a");
    expect(s.calls).toEqual(["a"]);
  });

  it("shares one lookup between concurrent callers", async () => {
    const s = countingSource({ a: "sha-a" });
    s.hold();
    const versions = createDatasetVersions(s.source);
    const both = Promise.all([versions.sha256("a"), versions.sha256("a")]);
    s.release();
    expect(await both).toEqual(["sha-a", "sha-a"]);
    expect(s.calls).toEqual(["a"]);
  });

  it("sees the new hash after invalidate(id)", async () => {
    const s = countingSource({ a: "sha-a" });
    const versions = createDatasetVersions(s.source);
    await versions.sha256("a");
    s.hashes.set("a", "sha-a2");
    expect(await versions.sha256("a")).toBe("sha-a"); // memoized until told
    versions.invalidate("a");
    expect(await versions.sha256("a")).toBe("sha-a2");
  });

  it("invalidate() forgets every dataset", async () => {
    const s = countingSource({ a: "1", b: "2" });
    const versions = createDatasetVersions(s.source);
    await versions.refs(["a", "b"]);
    versions.invalidate();
    await versions.refs(["a", "b"]);
    expect(s.calls).toEqual(["a", "b", "a", "b"]);
  });

  it("does not remember that a dataset is missing, so a later import is seen", async () => {
    const s = countingSource({});
    const versions = createDatasetVersions(s.source);
    expect(await versions.sha256("new")).toBeUndefined();
    s.hashes.set("new", "sha-new");
    expect(await versions.sha256("new")).toBe("sha-new");
  });

  it("does not keep a hash whose lookup was running when the dataset was invalidated", async () => {
    const s = countingSource({ a: "old" });
    s.hold();
    const versions = createDatasetVersions(s.source);
    const running = versions.sha256("a");
    versions.invalidate("a");
    s.hashes.set("a", "new");
    s.release();
    await running;
    expect(await versions.sha256("a")).toBe("new");
  });

  it("does not keep a failed lookup", async () => {
    let fail = true;
    const versions = createDatasetVersions({
      getDatasetSha256: async () => {
        if (fail) throw new Error("store closed");
        return "sha";
      },
    });
    await expect(versions.sha256("a")).rejects.toThrow("store closed");
    fail = false;
    expect(await versions.sha256("a")).toBe("sha");
  });

  it("refs() gives {id, sha256} in the order asked, or DatasetNotFoundError for a missing id", async () => {
    const versions = createDatasetVersions(countingSource({ a: "1", b: "2" }).source);
    expect(await versions.refs(["b", "a"])).toEqual([
      { id: "b", sha256: "2" },
      { id: "a", sha256: "1" },
    ]);
    await expect(versions.refs(["a", "zz"])).rejects.toThrow(DatasetNotFoundError);
    await expect(versions.refs(["a", "zz"])).rejects.toMatchObject({ code: "unknown_dataset", id: "zz" });
  });
});
