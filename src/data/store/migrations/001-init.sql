-- 001-init: datasets and IO tables (see docs/decisions/0002-store.md).
-- Matrix blocks are stored one row per matrix row as little-endian float64 bytes: exact round trip,
-- and a 1435×1435 WIOD table is 1435 rows instead of 2 million cells.
CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS datasets (
  id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  meta JSON NOT NULL,              -- DatasetMeta without provenance
  provenance JSON NOT NULL,        -- Provenance
  imported_at TIMESTAMP NOT NULL,
  content_sha256 VARCHAR NOT NULL  -- sha256 of the canonical serialisation of the stored content
);

-- sector labels of an IO table, in the order of Z's rows and columns
CREATE TABLE IF NOT EXISTS io_sectors (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  name_zh VARCHAR,
  name_en VARCHAR
);

-- codes of the final-demand columns (block 'Y') and of the value-added rows (block 'VA')
CREATE TABLE IF NOT EXISTS io_labels (
  dataset_id VARCHAR NOT NULL,
  block VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  code VARCHAR NOT NULL
);

-- numeric blocks: 'Z' and 'Zdom' (n rows of n values), 'Y' (n rows of m values), 'VA' (one row per
-- component, n values), 'M' imports, 'other', 'x' output (one row of n values each)
CREATE TABLE IF NOT EXISTS io_blocks (
  dataset_id VARCHAR NOT NULL,
  block VARCHAR NOT NULL,
  row_ord INTEGER NOT NULL,
  n_values INTEGER NOT NULL,
  values_f64le BLOB NOT NULL
);
