# R peer for bench/arimax/run.ts: forecast::Arima / auto.arima + forecast() on the same float64 data.
#
# Usage: Rscript bench/arimax/peers.R JOB.tsv REPEATS H   (JSON on stdout; jsonlite is not installed,
# so the job is a tab-separated table and the JSON is written by hand)
#
# JOB.tsv columns: id kind n k p d q calls y X (y: n float64, X: (n + H)×k float64 row-major, little-endian;
# the last H rows of X are the future regressors).
# Timed: kind "fit": forecast::Arima(y, order = c(p, d, q), xreg = X) (CSS-ML, include.mean for d = 0,
# no drift) + forecast(fit, h = H, xreg = Xf); kind "auto": auto.arima(y, xreg = X) (stepwise, AICc,
# no approximation at n <= 150) + forecast(). One warm-up repetition of `calls`, then REPEATS
# repetitions, each timed with system.time (elapsed and user + system CPU).
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
job <- read.delim(args[1], stringsAsFactors = FALSE)
R <- as.integer(args[2])
H <- as.integer(args[3])

num <- function(v) paste0("[", paste(sprintf("%.17g", as.numeric(v)), collapse = ","), "]")
str1 <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")

out <- character(0)
for (i in seq_len(nrow(job))) {
  cs <- job[i, ]
  n <- cs$n
  k <- cs$k
  y <- readBin(cs$y, "double", n = n, size = 8, endian = "little")
  Xall <- matrix(readBin(cs$X, "double", n = (n + H) * k, size = 8, endian = "little"), ncol = k, byrow = TRUE)
  colnames(Xall) <- if (k == 1) "x" else paste0("x", seq_len(k))
  Xn <- Xall[seq_len(n), , drop = FALSE]
  Xf <- Xall[n + seq_len(H), , drop = FALSE]
  run <- if (cs$kind == "auto") {
    function() {
      fit <- auto.arima(y, xreg = Xn)
      list(fit = fit, fc = forecast(fit, h = H, xreg = Xf))
    }
  } else {
    function() {
      fit <- Arima(y, order = c(cs$p, cs$d, cs$q), xreg = Xn)
      list(fit = fit, fc = forecast(fit, h = H, xreg = Xf))
    }
  }
  for (c in seq_len(cs$calls)) res <- run()
  times <- numeric(R)
  cpu <- numeric(R)
  for (r in seq_len(R)) {
    st <- system.time(for (c in seq_len(cs$calls)) res <- run())
    times[r] <- st[["elapsed"]] * 1000 / cs$calls
    cpu[r] <- (st[["user.self"]] + st[["sys.self"]]) * 1000 / cs$calls
  }
  fit <- res$fit
  extra <- ""
  impl <- "r"
  if (cs$kind == "auto") {
    impl <- "r_auto"
    o <- arimaorder(fit)
    cn <- names(coef(fit))
    const <- if ("intercept" %in% cn) "+mean" else if ("drift" %in% cn) "+drift" else ""
    extra <- paste0(",\"selected\":", str1(sprintf("(%d,%d,%d)%s", o[1], o[2], o[3], const)),
                    ",\"icValue\":", sprintf("%.17g", fit$aicc))
  }
  conv <- if (is.null(fit$code)) "true" else if (fit$code == 0) "true" else "false"
  row <- paste0("{\"impl\":", str1(impl), ",\"times\":", num(times), ",\"cpu\":", num(cpu),
                ",\"params\":", num(coef(fit)), ",\"paramNames\":[", paste(sapply(names(coef(fit)), str1), collapse = ","),
                "],\"loglik\":", sprintf("%.17g", fit$loglik), ",\"sigma2\":", sprintf("%.17g", fit$sigma2),
                ",\"forecast\":", num(res$fc$mean), ",\"converged\":", conv, extra, "}")
  out <- c(out, paste0("{\"id\":", str1(cs$id), ",\"rows\":[", row, "]}"))
  message(sprintf("[R] %s: median %.2f ms, loglik %.4f", cs$id, median(times), fit$loglik))
}
label <- sprintf("%s, forecast %s", R.version.string, as.character(packageVersion("forecast")))
cat(paste0("{\"info\":{\"label\":", str1(label), "},\"cases\":[", paste(out, collapse = ","), "]}"))
