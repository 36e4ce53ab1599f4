-- Photos of pins and the optional background answers given with them.
-- A resident's photo of a pin: at most one per pin, re-encoded to a metadata-free JPEG before it
-- is stored. The JPEG itself lives in the photo folder (TRYGG_PHOTO_DIR) under file_name; it is
-- public only once a moderator approved it.
CREATE TABLE pin_photo (
  municipality_id integer NOT NULL,
  pin_id          bigint NOT NULL,
  file_name       text NOT NULL UNIQUE CHECK (file_name ~ '^[0-9]+/[A-Za-z0-9_-]{22}\.jpg$'),
  width           integer NOT NULL CHECK (width BETWEEN 1 AND 2048),
  height          integer NOT NULL CHECK (height BETWEEN 1 AND 2048),
  bytes           integer NOT NULL CHECK (bytes > 0),
  state           text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, pin_id),
  FOREIGN KEY (municipality_id, pin_id) REFERENCES pin (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX pin_photo_state_idx ON pin_photo (municipality_id, state, created_at);

-- Optional background answers a resident gave with a pin, when the municipality asks them
-- (municipality.settings.backgroundQuestions). Statistics show groups of 5 or more only.
CREATE TABLE pin_background (
  municipality_id integer NOT NULL,
  pin_id          bigint NOT NULL,
  age_band        text CHECK (age_band IN ('under_18', '18_29', '30_44', '45_64', '65_plus')),
  gender          text CHECK (gender IN ('woman', 'man', 'other')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, pin_id),
  FOREIGN KEY (municipality_id, pin_id) REFERENCES pin (municipality_id, id) ON DELETE CASCADE,
  CHECK (age_band IS NOT NULL OR gender IS NOT NULL)
);
