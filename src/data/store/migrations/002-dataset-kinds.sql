-- 002-dataset-kinds: datasets of every kind and the persistent result cache
-- (docs/decisions/0005-dataset-kinds.md). Existing datasets and IO tables are untouched.

-- time_series and panel: one row per indicator, per entity (panel only) and per observation
CREATE TABLE IF NOT EXISTS series_indicators (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  unit VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS series_entities (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  code VARCHAR NOT NULL,   -- resolved code (GB/T 2260 for Chinese provinces)
  label VARCHAR NOT NULL   -- the text first seen in the file
);

-- entity = '' for a time_series; period is canonical: 2023, 2023Q1, 2023-01
CREATE TABLE IF NOT EXISTS series_observations (
  dataset_id VARCHAR NOT NULL,
  entity VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  source_row INTEGER NOT NULL,     -- 1-based physical row and column of the source cell
  source_column INTEGER NOT NULL
);

-- classification: codes with optional parent and level
CREATE TABLE IF NOT EXISTS classification_codes (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  code VARCHAR NOT NULL,
  name_zh VARCHAR,
  name_en VARCHAR,
  parent VARCHAR,
  level INTEGER
);

-- concordance: weighted rows (pymrio convert/factor)
CREATE TABLE IF NOT EXISTS concordance_rows (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  from_system VARCHAR NOT NULL,
  from_code VARCHAR NOT NULL,
  to_system VARCHAR NOT NULL,
  to_code VARCHAR NOT NULL,
  weight DOUBLE NOT NULL
);

-- registry: the rows live in <dataDir>/registries/<dataset_id>.parquet (never in this database)
CREATE TABLE IF NOT EXISTS registry_files (
  dataset_id VARCHAR NOT NULL,
  parquet_file VARCHAR NOT NULL,   -- relative to the data directory
  row_count BIGINT NOT NULL,
  parquet_sha256 VARCHAR NOT NULL
);

-- text_corpus: one row per document, with its text
CREATE TABLE IF NOT EXISTS corpus_documents (
  dataset_id VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  doc_id VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  issuer VARCHAR NOT NULL,
  doc_number VARCHAR,
  date DATE NOT NULL,
  level VARCHAR NOT NULL,
  source_url VARCHAR,
  file VARCHAR NOT NULL,
  encoding VARCHAR NOT NULL,
  text_sha256 VARCHAR NOT NULL,
  text VARCHAR NOT NULL
);

-- persistent result cache; rows naming a dataset are deleted whenever that dataset changes
CREATE TABLE IF NOT EXISTS result_cache (
  key VARCHAR PRIMARY KEY,
  method VARCHAR NOT NULL,
  dataset_ids VARCHAR[] NOT NULL,
  value JSON NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
