-- 003-users-audit: protected shipped data, users and API tokens, and the append-only audit log
-- (docs/decisions/0008-auth.md, docs/security.md). Existing datasets are marked shipped unless a user
-- imported them (provenance publisher "user").

ALTER TABLE datasets ADD COLUMN shipped BOOLEAN DEFAULT false;

UPDATE datasets SET shipped = (json_extract_string(provenance, '$.publisher') IS DISTINCT FROM 'user');

-- users: role viewer | analyst | admin; password_hash is argon2id (dashboard login), NULL for token-only users
CREATE TABLE IF NOT EXISTS users (
  name VARCHAR PRIMARY KEY,
  role VARCHAR NOT NULL,
  password_hash VARCHAR,
  created_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP
);

-- API tokens: only the sha256 of the random 256-bit token is kept (the token is shown once)
CREATE TABLE IF NOT EXISTS api_tokens (
  token_sha256 VARCHAR PRIMARY KEY,
  user_name VARCHAR NOT NULL,
  label VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL,
  revoked_at TIMESTAMP
);

-- append-only: the code only inserts; entry_sha256 chains each entry to the previous one, so an edited
-- or deleted row breaks the chain (verifyAuditLog)
CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT PRIMARY KEY,
  recorded_at TIMESTAMP NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  target VARCHAR NOT NULL,
  sha256_before VARCHAR,
  sha256_after VARCHAR,
  detail JSON NOT NULL,
  entry_sha256 VARCHAR NOT NULL
);
