#!/usr/bin/env Rscript
# Reference values for the MCMC convergence diagnostics (src/core/econometrics/convergence.ts):
# rank-normalised split R-hat, bulk ESS and tail ESS of Vehtari, Gelman, Simpson, Carpenter & Bürkner
# (2021), "Rank-normalization, folding, and localization: an improved R-hat for assessing convergence of
# MCMC", Bayesian Analysis 16(2), 667-718 — as the R package posterior computes them.
#
# Usage (from the repository root):
#     Rscript test/reference/r-posterior-convergence/generate.R [--out DIR]
#
# DIR defaults to this script's folder. Writes posterior.json there and nothing else: for each seeded
# case, the draws (iterations x chains, column-major as `chains`: one array per chain) and posterior's
# rhat(), ess_bulk(), ess_tail(), rhat_basic(), ess_basic() (NA written as null).
# Needs: R with posterior (Debian r-cran-posterior 1.4.0). A missing package fails the run.
suppressPackageStartupMessages(library(posterior))

args <- commandArgs(trailingOnly = TRUE)
file_arg <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
out <- dirname(normalizePath(file_arg))
if (length(args) >= 2 && args[1] == "--out") out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(v) ifelse(is.na(v), "null", sprintf("%.17g", v))
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")

ar1 <- function(n, rho, sd = 1) {
  x <- numeric(n)
  x[1] <- rnorm(1, 0, sd / sqrt(1 - rho^2))
  for (t in 2:n) x[t] <- rho * x[t - 1] + rnorm(1, 0, sd)
  x
}

set.seed(20261203)
cases <- list(
  list(name = "iid_normal_4x1000", x = matrix(rnorm(4000), ncol = 4)),
  list(name = "ar1_0.9_4x500", x = sapply(1:4, function(i) ar1(500, 0.9))),
  list(name = "shifted_chain_4x300", x = cbind(matrix(rnorm(900), ncol = 3), rnorm(300, 1))),
  list(name = "student_t3_odd_3x101", x = matrix(rt(303, 3), ncol = 3)),
  list(name = "poisson_ties_4x200", x = matrix(as.numeric(rpois(800, 2)), ncol = 4)),
  list(name = "antithetic_-0.7_4x500", x = sapply(1:4, function(i) ar1(500, -0.7))),
  list(name = "single_chain_1x400", x = matrix(ar1(400, 0.5), ncol = 1)),
  list(name = "scale_differs_4x250", x = cbind(matrix(rnorm(750), ncol = 3), rnorm(250, 0, 3)))
)

entries <- vapply(cases, function(case) {
  x <- case$x
  q <- function(f) suppressWarnings(f(x))
  chains <- paste0("[", paste(apply(x, 2, jarr), collapse = ", "), "]")
  paste0(
    "{\"name\": \"", case$name, "\", \"chains\": ", chains,
    ", \"rhat\": ", num(q(rhat)), ", \"ess_bulk\": ", num(q(ess_bulk)), ", \"ess_tail\": ", num(q(ess_tail)),
    ", \"rhat_basic\": ", num(q(rhat_basic)), ", \"ess_basic\": ", num(q(ess_basic)), "}"
  )
}, character(1))

json <- paste0(
  "{\"source\": \"R ", R.version$major, ".", R.version$minor, ", posterior ", as.character(packageVersion("posterior")),
  "\", \"cases\": [\n", paste(entries, collapse = ",\n"), "\n]}\n"
)
writeLines(json, file.path(out, "posterior.json"), sep = "")
