-- Imports of earlier years' pins from CSV or GeoJSON files. Each imported pin carries a stable
-- key (the file's external id, or a hash of its normalised content), unique per municipality,
-- so that importing the same file again adds nothing. pin_import records each run and its totals.

ALTER TABLE pin ADD COLUMN import_key text CHECK (length(import_key) BETWEEN 1 AND 300);
ALTER TABLE pin ADD CONSTRAINT pin_import_key_unique UNIQUE (municipality_id, import_key);

CREATE TABLE pin_import (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              integer GENERATED ALWAYS AS IDENTITY,
  file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  -- The campaign every row joins; null with campaign_by_date picks the campaign running at each row's date.
  campaign_id     integer,
  campaign_by_date boolean NOT NULL DEFAULT false,
  total_rows      integer NOT NULL CHECK (total_rows BETWEEN 1 AND 1000000),
  rows_received   integer NOT NULL DEFAULT 0,
  added           integer NOT NULL DEFAULT 0,
  duplicates      integer NOT NULL DEFAULT 0,
  rejected        integer NOT NULL DEFAULT 0,
  created_by      integer,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, campaign_id) REFERENCES campaign (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_account (municipality_id, id),
  CHECK (NOT (campaign_by_date AND campaign_id IS NOT NULL))
);
