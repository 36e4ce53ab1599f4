-- Open311 GeoReport v2: API keys of the clients that write through it, and what such a
-- request adds to a pin.

-- A key is shown once when created; only the SHA-256 of the whole key is stored. A key
-- without a municipality is valid for every municipality of the deployment (a deployment-wide
-- row, the one exception to municipality_id being set). Keys are revoked, never deleted, so
-- the pins they wrote keep pointing at them.
CREATE TABLE api_key (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  municipality_id integer REFERENCES municipality (municipality_id),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  key_hash        bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
  -- the key's first characters, to recognise it in a listing
  key_prefix      text NOT NULL CHECK (length(key_prefix) BETWEEN 4 AND 20),
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  -- each authenticated use counts once
  last_used_at    timestamptz,
  use_count       bigint NOT NULL DEFAULT 0 CHECK (use_count >= 0)
);
CREATE INDEX api_key_municipality_idx ON api_key (municipality_id);

-- Which days the place feels unsafe on; null when not said.
ALTER TABLE pin ADD COLUMN day_type text CHECK (day_type IN ('weekday', 'weekend', 'both'));
-- The key that wrote the pin through Open311; null for every other source.
ALTER TABLE pin ADD COLUMN api_key_id integer REFERENCES api_key (id);
CREATE INDEX pin_api_key_idx ON pin (api_key_id) WHERE api_key_id IS NOT NULL;
