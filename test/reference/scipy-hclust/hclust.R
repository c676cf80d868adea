#!/usr/bin/env Rscript
# R part of test/reference/scipy-hclust/generate.py (run by it; not a generator on its own).
#
# Usage: Rscript hclust.R CASES.txt OUT.json K1,K2,...
#   CASES.txt: one line per case, "name n d x_11 x_12 ... x_nd" (row-major, 17 significant digits).
# For each case and method (single, complete, average, ward = ward.D2): h <- hclust(dist(X), method);
# writes h$merge (R's convention: -i = observation i, j = the cluster of step j, 1-based), h$height,
# h$order, cutree(h, k) for each k <= n, and cor(cophenetic(h), dist(X)). Base R only.
args <- commandArgs(trailingOnly = TRUE)
ks <- as.integer(strsplit(args[3], ",")[[1]])

num <- function(v) sprintf("%.17g", v)
jarr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
jint <- function(v) paste0("[", paste(as.integer(v), collapse = ", "), "]")
jstr <- function(s) paste0("\"", s, "\"")
jobj <- function(kv) paste0("{", paste(paste0(jstr(names(kv)), ": ", unlist(kv)), collapse = ", "), "}")

methods <- c(single = "single", complete = "complete", average = "average", ward = "ward.D2")
cases <- character(0)
for (line in readLines(args[1])) {
  f <- strsplit(line, " ")[[1]]
  name <- f[1]
  n <- as.integer(f[2])
  d <- as.integer(f[3])
  X <- matrix(as.numeric(f[-(1:3)]), nrow = n, ncol = d, byrow = TRUE)
  D <- dist(X)
  per <- character(0)
  for (m in names(methods)) {
    h <- hclust(D, method = methods[[m]])
    cuts <- list()
    for (k in ks[ks <= n]) cuts[[as.character(k)]] <- jint(cutree(h, k = k))
    per <- c(per, paste0(jstr(m), ": ", jobj(list(
      merge = paste0("[", paste(apply(h$merge, 1, jint), collapse = ", "), "]"),
      height = jarr(h$height),
      order = jint(h$order),
      cutree = jobj(cuts),
      cophenetic_correlation = num(cor(cophenetic(h), D))
    ))))
  }
  cases <- c(cases, paste0("{", jstr("name"), ": ", jstr(name), ", ", jstr("X"), ": ",
    paste0("[", paste(apply(X, 1, jarr), collapse = ", "), "]"), ", ", jstr("methods"), ": {",
    paste(per, collapse = ", "), "}}"))
}
writeLines(paste0("{", jstr("R"), ": ", jstr(paste0(R.version$major, ".", R.version$minor)), ", ",
  jstr("cases"), ": [", paste(cases, collapse = ", "), "]}"), args[2])
