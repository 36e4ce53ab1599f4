-- Staff accounts, their server-side sessions, login throttling and the audit log.

-- A staff member of one municipality. Emails are unique in the whole deployment, so a login
-- needs only email and password. Partners belong to an organisation (e.g. a housing company).
CREATE TABLE staff_account (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              integer GENERATED ALWAYS AS IDENTITY,
  email           text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  password_hash   text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  role            text NOT NULL CHECK (role IN ('admin', 'planner', 'moderator', 'police', 'partner')),
  organisation    text CHECK (length(organisation) BETWEEN 1 AND 200),
  disabled_at     timestamptz,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  UNIQUE (email),
  CHECK ((role = 'partner') = (organisation IS NOT NULL))
);

-- One row per signed-in browser. The session id itself lives only in the cookie; the table
-- holds its SHA-256. The CSRF token is tied to the session and ends with it.
CREATE TABLE staff_session (
  municipality_id integer NOT NULL,
  id_hash         bytea PRIMARY KEY CHECK (length(id_hash) = 32),
  staff_id        integer NOT NULL,
  csrf_token      text NOT NULL,
  created_at      timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL,
  expires_at      timestamptz NOT NULL,
  FOREIGN KEY (municipality_id, staff_id) REFERENCES staff_account (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX staff_session_staff_idx ON staff_session (municipality_id, staff_id);
CREATE INDEX staff_session_expires_idx ON staff_session (expires_at);

-- Failed logins of the last throttling window, by account (the email tried) and by client
-- address, both as SHA-256 so neither is readable here. Deployment-wide on purpose: a login
-- names no municipality, and the limits must hold across every municipality's site.
CREATE TABLE login_failure (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_hash     bytea NOT NULL CHECK (length(key_hash) = 32),
  failed_at    timestamptz NOT NULL
);
CREATE INDEX login_failure_key_idx ON login_failure (key_hash, failed_at);
CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at);

-- Every decision on moderation and action items, and every change to staff accounts: who,
-- when, what, and the subject before and after. Rows are only ever inserted.
CREATE TABLE audit_log (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              bigint GENERATED ALWAYS AS IDENTITY,
  at              timestamptz NOT NULL,
  actor_id        integer,
  actor_email     text,
  action          text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
  entity_type     text NOT NULL CHECK (entity_type ~ '^[a-z_]+$'),
  entity_id       text NOT NULL,
  before          jsonb,
  after           jsonb,
  reason          text CHECK (length(reason) <= 2000),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, actor_id) REFERENCES staff_account (municipality_id, id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (municipality_id, entity_type, entity_id);

-- The moderation queue reads pending comments oldest first.
CREATE INDEX pin_comment_pending_idx ON pin (municipality_id, created_at) WHERE comment_state = 'pending';
