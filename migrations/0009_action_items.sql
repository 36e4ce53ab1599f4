-- Action items of the action plan: what the municipality, police and partners do about the
-- places residents marked, linked to those pins, with a public side shown at /resultat.

-- The focus areas and responsible organisations an action item picks from; each municipality
-- edits its own. New municipalities get the defaults below from a trigger.
CREATE TABLE action_focus_area (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  key             text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_sv        text NOT NULL CHECK (length(label_sv) BETWEEN 1 AND 200),
  label_en        text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  sort_order      integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, key)
);

CREATE TABLE action_organisation (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  key             text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_sv        text NOT NULL CHECK (length(label_sv) BETWEEN 1 AND 200),
  label_en        text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 200),
  sort_order      integer NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  PRIMARY KEY (municipality_id, key)
);

CREATE FUNCTION trygg_action_defaults(m integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO action_focus_area (municipality_id, key, label_sv, label_en, sort_order) VALUES
    (m, 'public_space', 'Trygghet i offentlig miljö', 'Safety in public space', 0),
    (m, 'traffic', 'Trafik', 'Traffic', 1)
  ON CONFLICT DO NOTHING;
  INSERT INTO action_organisation (municipality_id, key, label_sv, label_en, sort_order) VALUES
    (m, 'municipality', 'Kommunen', 'Municipality', 0),
    (m, 'police', 'Polisen', 'Police', 1),
    (m, 'property_owner', 'Fastighetsägare', 'Property owner', 2),
    (m, 'other', 'Annan', 'Other', 3)
  ON CONFLICT DO NOTHING;
$$;

CREATE FUNCTION trygg_municipality_action_defaults() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM trygg_action_defaults(NEW.municipality_id);
  RETURN NULL;
END $$;

CREATE TRIGGER municipality_action_defaults AFTER INSERT ON municipality
  FOR EACH ROW EXECUTE FUNCTION trygg_municipality_action_defaults();

SELECT trygg_action_defaults(municipality_id) FROM municipality;

-- One activity of the action plan. `partner_organisation` names the partner (a staff account's
-- organisation, e.g. a housing company) that sees and updates the item; `organisation_key` is
-- the kind of organisation responsible. A 'not_done' item says why in status_reason.
CREATE TABLE action_item (
  municipality_id      integer NOT NULL REFERENCES municipality (municipality_id),
  id                   bigint GENERATED ALWAYS AS IDENTITY,
  title                text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description          text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  focus_area_key       text NOT NULL,
  expected_effect      text NOT NULL DEFAULT '' CHECK (length(expected_effect) <= 2000),
  organisation_key     text NOT NULL,
  partner_organisation text CHECK (length(partner_organisation) BETWEEN 1 AND 200),
  owner                text NOT NULL DEFAULT '' CHECK (length(owner) <= 200),
  starts_on            date,
  due_on               date CHECK (due_on IS NULL OR starts_on IS NULL OR due_on >= starts_on),
  indicator            text NOT NULL DEFAULT '' CHECK (length(indicator) <= 2000),
  follow_up_interval   text NOT NULL DEFAULT 'yearly' CHECK (follow_up_interval IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
  status               text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'planned', 'in_progress', 'done', 'not_done')),
  status_reason        text CHECK (length(status_reason) BETWEEN 1 AND 2000),
  area                 geometry(MultiPolygon, 4326) CHECK (area IS NULL OR ST_IsValid(area)),
  area_source          text CHECK (area_source IN ('hotspot', 'drawn')),
  hotspot_ref          text CHECK (length(hotspot_ref) <= 100),
  is_public            boolean NOT NULL DEFAULT false,
  public_note          text CHECK (length(public_note) <= 2000),
  completed_at         timestamptz,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id),
  FOREIGN KEY (municipality_id, focus_area_key) REFERENCES action_focus_area (municipality_id, key),
  FOREIGN KEY (municipality_id, organisation_key) REFERENCES action_organisation (municipality_id, key),
  CHECK (status <> 'not_done' OR status_reason IS NOT NULL),
  CHECK ((area IS NULL) = (area_source IS NULL))
);
CREATE INDEX action_item_status_idx ON action_item (municipality_id, status);
CREATE INDEX action_item_partner_idx ON action_item (municipality_id, partner_organisation) WHERE partner_organisation IS NOT NULL;
CREATE INDEX action_item_area_gix ON action_item USING gist (area);

-- The pins an action item answers; a pin's follow page shows the item.
CREATE TABLE action_item_pin (
  municipality_id integer NOT NULL,
  action_item_id  bigint NOT NULL,
  pin_id          bigint NOT NULL,
  PRIMARY KEY (municipality_id, action_item_id, pin_id),
  FOREIGN KEY (municipality_id, action_item_id) REFERENCES action_item (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, pin_id) REFERENCES pin (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX action_item_pin_pin_idx ON action_item_pin (municipality_id, pin_id);

-- Yearly indicators entered by staff for the follow-up: the share of residents who feel safe
-- (the police survey, per cent) and the number of reported crimes. One row per year.
CREATE TABLE yearly_indicator (
  municipality_id  integer NOT NULL REFERENCES municipality (municipality_id),
  year             integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  feel_safe_share  numeric(5, 2) CHECK (feel_safe_share BETWEEN 0 AND 100),
  reported_crimes  integer CHECK (reported_crimes >= 0),
  note             text CHECK (length(note) <= 2000),
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, year)
);
