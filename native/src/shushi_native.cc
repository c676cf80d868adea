// shushi_native — a minimal N-API bridge to OpenBLAS/LAPACKE for dense float64 inverse and solve.
//
// Exposed functions (all row-major, inputs never mutated — the addon copies them):
//   inverse(a: Float64Array, n: number, relTol: number) -> Float64Array   (LAPACKE_dgetrf + dgetri,
//                                                     column-major on the transpose; see Inverse)
//   solve(a: Float64Array, n: number, b: Float64Array, k: number, relTol: number) -> Float64Array
//                                                                          (LAPACKE_dgetrf + dgetrs,
//                                                                           i.e. dgesv split in two)
// relTol reproduces the TypeScript LU's singularity rule: a pivot |u_kk| < relTol * max|a_ij| (or an
// exactly zero pivot, LAPACK info > 0) is reported as singular instead of returning a huge inverse.
//   info() -> { openblasConfig, threads (default count), coretype, singleThreadBelow }
// Orders below singleThreadBelow run on one OpenBLAS thread (threading overhead dominates there).
// Errors are thrown as JS Error objects with a `code` property:
//   "singular_matrix" (LAPACK info > 0, or a pivot below relTol * max|a_ij|; `info` = 1-based step),
//   "invalid_argument"
//   (bad shapes or info < 0). The TypeScript wrapper (src/native/openblas.ts) turns these into CoreError.
#include <napi.h>

#include <cstring>
#include <string>
#include <vector>

#include <lapacke.h>

extern "C" {
// OpenBLAS extensions (declared in cblas.h; declared here to avoid header clashes with lapacke.h).
char* openblas_get_config(void);
int openblas_get_num_threads(void);
char* openblas_get_corename(void);
void openblas_set_num_threads(int num_threads);
}

namespace {

// OpenBLAS's thread count at load time (OPENBLAS_NUM_THREADS or the core count).
int g_default_threads = 0;

// Below this order one thread is faster: on a loaded machine OpenBLAS 0.3.21's 2-thread dgetrf/dgetri
// at n = 153 measured ~12 ms against ~1 ms single-threaded (docs/benchmarks.md).
constexpr lapack_int kSingleThreadBelow = 400;

// Selects the thread count for a problem of order n (restores the default for large n).
void UseThreadsFor(lapack_int n) {
  if (g_default_threads <= 1) return;
  openblas_set_num_threads(n < kSingleThreadBelow ? 1 : g_default_threads);
}

Napi::Value ThrowCoded(Napi::Env env, const char* code, const std::string& message, long long info) {
  Napi::Error err = Napi::Error::New(env, message);
  err.Set("code", Napi::String::New(env, code));
  err.Set("info", Napi::Number::New(env, static_cast<double>(info)));
  err.ThrowAsJavaScriptException();
  return env.Undefined();
}

bool ReadSquare(const Napi::CallbackInfo& cb, size_t argIndex, Napi::Float64Array* out, lapack_int* n) {
  if (cb.Length() <= argIndex + 1 || !cb[argIndex].IsTypedArray() || !cb[argIndex + 1].IsNumber()) return false;
  Napi::TypedArray ta = cb[argIndex].As<Napi::TypedArray>();
  if (ta.TypedArrayType() != napi_float64_array) return false;
  *out = cb[argIndex].As<Napi::Float64Array>();
  const double nd = cb[argIndex + 1].As<Napi::Number>().DoubleValue();
  if (!(nd >= 0) || nd != static_cast<double>(static_cast<lapack_int>(nd))) return false;
  *n = static_cast<lapack_int>(nd);
  return true;
}

double MaxAbs(const double* a, size_t len) {
  double m = 0;
  for (size_t i = 0; i < len; i++) {
    const double v = a[i] < 0 ? -a[i] : a[i];
    if (v > m) m = v;
  }
  return m;
}

// 1-based index of the first diagonal entry of the row-major n×n factor below `threshold`, else 0.
lapack_int SmallPivot(const double* lu, lapack_int n, double threshold) {
  for (lapack_int k = 0; k < n; k++) {
    const double v = lu[static_cast<size_t>(k) * static_cast<size_t>(n) + static_cast<size_t>(k)];
    const double av = v < 0 ? -v : v;
    if (!(av >= threshold) || av == 0) return k + 1;
  }
  return 0;
}

double ReadTolerance(const Napi::CallbackInfo& cb, size_t index) {
  if (cb.Length() > index && cb[index].IsNumber()) return cb[index].As<Napi::Number>().DoubleValue();
  return 0;
}

Napi::Value Inverse(const Napi::CallbackInfo& cb) {
  Napi::Env env = cb.Env();
  Napi::Float64Array a;
  lapack_int n = 0;
  if (!ReadSquare(cb, 0, &a, &n) || a.ElementLength() != static_cast<size_t>(n) * static_cast<size_t>(n)) {
    return ThrowCoded(env, "invalid_argument", "inverse(a: Float64Array, n): a must have n*n elements", 0);
  }
  Napi::Float64Array out = Napi::Float64Array::New(env, static_cast<size_t>(n) * static_cast<size_t>(n));
  if (n == 0) return out;
  const size_t len = static_cast<size_t>(n) * static_cast<size_t>(n);
  std::memcpy(out.Data(), a.Data(), sizeof(double) * len);
  const double scale = MaxAbs(a.Data(), len);
  const double threshold = ReadTolerance(cb, 2) * (scale > 0 ? scale : 1);
  std::vector<lapack_int> ipiv(static_cast<size_t>(n));
  UseThreadsFor(n);
  // The row-major buffer of A read as column-major is Aᵀ, and (Aᵀ)⁻¹ = (A⁻¹)ᵀ written column-major
  // is A⁻¹ row-major: so factor and invert in LAPACK's native layout and skip the two n×n
  // transpositions LAPACKE would do for LAPACK_ROW_MAJOR. (The factors are those of Aᵀ.)
  lapack_int info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, out.Data(), n, ipiv.data());
  if (info > 0) return ThrowCoded(env, "singular_matrix", "dgetrf: exactly zero pivot", info);
  if (info < 0) return ThrowCoded(env, "invalid_argument", "dgetrf: illegal argument", info);
  const lapack_int tiny = SmallPivot(out.Data(), n, threshold);
  if (tiny > 0) return ThrowCoded(env, "singular_matrix", "dgetrf: pivot below tolerance", tiny);
  info = LAPACKE_dgetri(LAPACK_COL_MAJOR, n, out.Data(), n, ipiv.data());
  if (info > 0) return ThrowCoded(env, "singular_matrix", "dgetri: exactly zero pivot", info);
  if (info < 0) return ThrowCoded(env, "invalid_argument", "dgetri: illegal argument", info);
  return out;
}

Napi::Value Solve(const Napi::CallbackInfo& cb) {
  Napi::Env env = cb.Env();
  Napi::Float64Array a;
  Napi::Float64Array b;
  lapack_int n = 0;
  lapack_int k = 0;
  if (!ReadSquare(cb, 0, &a, &n) || !ReadSquare(cb, 2, &b, &k) ||
      a.ElementLength() != static_cast<size_t>(n) * static_cast<size_t>(n) ||
      b.ElementLength() != static_cast<size_t>(n) * static_cast<size_t>(k)) {
    return ThrowCoded(env, "invalid_argument", "solve(a, n, b, k): a must be n*n and b n*k", 0);
  }
  Napi::Float64Array x = Napi::Float64Array::New(env, static_cast<size_t>(n) * static_cast<size_t>(k));
  if (n == 0 || k == 0) return x;
  const size_t len = static_cast<size_t>(n) * static_cast<size_t>(n);
  std::vector<double> lu(a.Data(), a.Data() + len);
  std::memcpy(x.Data(), b.Data(), sizeof(double) * static_cast<size_t>(n) * static_cast<size_t>(k));
  const double scale = MaxAbs(a.Data(), len);
  const double threshold = ReadTolerance(cb, 4) * (scale > 0 ? scale : 1);
  std::vector<lapack_int> ipiv(static_cast<size_t>(n));
  UseThreadsFor(n);
  lapack_int info = LAPACKE_dgetrf(LAPACK_ROW_MAJOR, n, n, lu.data(), n, ipiv.data());
  if (info > 0) return ThrowCoded(env, "singular_matrix", "dgetrf: exactly zero pivot", info);
  if (info < 0) return ThrowCoded(env, "invalid_argument", "dgetrf: illegal argument", info);
  const lapack_int tiny = SmallPivot(lu.data(), n, threshold);
  if (tiny > 0) return ThrowCoded(env, "singular_matrix", "dgetrf: pivot below tolerance", tiny);
  info = LAPACKE_dgetrs(LAPACK_ROW_MAJOR, 'N', n, k, lu.data(), n, ipiv.data(), x.Data(), k);
  if (info < 0) return ThrowCoded(env, "invalid_argument", "dgetrs: illegal argument", info);
  return x;
}

Napi::Value Info(const Napi::CallbackInfo& cb) {
  Napi::Env env = cb.Env();
  Napi::Object o = Napi::Object::New(env);
  o.Set("openblasConfig", Napi::String::New(env, openblas_get_config()));
  o.Set("threads", Napi::Number::New(env, g_default_threads));
  o.Set("singleThreadBelow", Napi::Number::New(env, kSingleThreadBelow));
  o.Set("coretype", Napi::String::New(env, openblas_get_corename()));
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  g_default_threads = openblas_get_num_threads();
  exports.Set("inverse", Napi::Function::New(env, Inverse));
  exports.Set("solve", Napi::Function::New(env, Solve));
  exports.Set("info", Napi::Function::New(env, Info));
  return exports;
}

}  // namespace

NODE_API_MODULE(shushi_native, Init)
