-- Residents agreeing with a pin ("me too") and spent proof-of-work payloads.

-- One agreement per device and pin. device_hash is SHA-256 of the pin and the random device
-- id kept in the resident's cookie: the id itself is never stored, and the hashes of one
-- device differ from pin to pin, so agreements cannot be linked to each other.
CREATE TABLE pin_agreement (
  municipality_id integer NOT NULL,
  pin_id          bigint NOT NULL,
  device_hash     bytea NOT NULL CHECK (length(device_hash) = 32),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, pin_id, device_hash),
  FOREIGN KEY (municipality_id, pin_id) REFERENCES pin (municipality_id, id) ON DELETE CASCADE
);

-- A solved proof-of-work challenge is accepted once: its signature's hash is kept until the
-- challenge expires, so a payload cannot be replayed for many writes.
CREATE TABLE antibot_spent (
  municipality_id integer NOT NULL,
  signature_hash  bytea NOT NULL CHECK (length(signature_hash) = 32),
  expires_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, signature_hash)
);
CREATE INDEX antibot_spent_expires_idx ON antibot_spent (expires_at);
