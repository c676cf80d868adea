/** The part of autocannon 8's API the load benchmark uses (the package ships no types). */
declare module "autocannon" {
  interface Histogram {
    readonly average: number;
    readonly mean: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly total: number;
    readonly p50: number;
    readonly p90: number;
    readonly p97_5: number;
    readonly p99: number;
  }
  interface Result {
    readonly url: string;
    readonly connections: number;
    readonly duration: number;
    readonly latency: Histogram;
    readonly requests: Histogram;
    readonly throughput: Histogram;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly "2xx": number;
    readonly "3xx": number;
    readonly "4xx": number;
    readonly "5xx": number;
    readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
  }
  interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly amount?: number;
    readonly timeout?: number;
    readonly pipelining?: number;
    readonly headers?: Readonly<Record<string, string>>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
  export type { Histogram, Options, Result };
}
