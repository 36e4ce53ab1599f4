-- Trygg initial schema. Every table carries municipality_id: one deployment serves several
-- municipalities, and the same key distributes the tables when one server is outgrown.
-- Points are WGS84 (SRID 4326); each municipality names the metric SRID used for distances.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE municipality (
  municipality_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  boundary        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(boundary)),
  metric_srid     integer NOT NULL DEFAULT 3006,
  time_zone       text NOT NULL DEFAULT 'Europe/Stockholm',
  default_zoom    smallint NOT NULL DEFAULT 12 CHECK (default_zoom BETWEEN 0 AND 20),
  settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX municipality_boundary_gix ON municipality USING gist (boundary);

CREATE TABLE category (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              integer GENERATED ALWAYS AS IDENTITY,
  key             text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label_sv        text NOT NULL,
  label_en        text NOT NULL,
  group_key       text NOT NULL CHECK (group_key IN ('environment', 'physical', 'traffic', 'order', 'other')),
  sensitive       boolean NOT NULL DEFAULT false,
  active          boolean NOT NULL DEFAULT true,
  sort_order      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, key),
  UNIQUE (id)
);

CREATE TABLE campaign (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              integer GENERATED ALWAYS AS IDENTITY,
  kind            text NOT NULL CHECK (kind IN ('digital', 'walk', 'continuous')),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz CHECK (ends_at IS NULL OR ends_at > starts_at),
  route           geometry(LineString, 4326),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (id)
);
CREATE INDEX campaign_period_idx ON campaign (municipality_id, starts_at, ends_at);

CREATE TABLE pin (
  municipality_id   integer NOT NULL REFERENCES municipality (municipality_id),
  id                bigint GENERATED ALWAYS AS IDENTITY,
  campaign_id       integer,
  category_id       integer NOT NULL,
  geom              geometry(Point, 4326) NOT NULL,
  -- Web Mercator metres of geom, filled by trigger; the cluster grid is computed from them.
  mx                double precision NOT NULL,
  my                double precision NOT NULL,
  severity          smallint NOT NULL CHECK (severity BETWEEN 1 AND 5),
  -- bit mask: morning 1, day 2, evening 4, night 8
  times_of_day      smallint NOT NULL CHECK (times_of_day BETWEEN 1 AND 15),
  comment           text CHECK (length(comment) <= 2000),
  comment_state     text NOT NULL DEFAULT 'none' CHECK (comment_state IN ('none', 'pending', 'approved', 'rejected')),
  status            text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reviewed', 'action_planned', 'done', 'not_done')),
  moderation        text NOT NULL DEFAULT 'published' CHECK (moderation IN ('published', 'hidden')),
  source            text NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'walk', 'open311', 'import', 'demo')),
  follow_token_hash bytea UNIQUE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, category_id) REFERENCES category (municipality_id, id),
  FOREIGN KEY (municipality_id, campaign_id) REFERENCES campaign (municipality_id, id)
);
CREATE INDEX pin_geom_gix ON pin USING gist (geom);
CREATE INDEX pin_municipality_created_idx ON pin (municipality_id, created_at);
CREATE INDEX pin_municipality_campaign_idx ON pin (municipality_id, campaign_id);

-- Per-zoom cluster aggregates, kept exact by the triggers below: one row per grid cell,
-- category and campaign (0 = none) with the count and the sum of Web Mercator coordinates
-- (for the weighted centre). sample_pin_id names the pin when pin_count is 1.
CREATE TABLE pin_cell (
  municipality_id integer NOT NULL,
  zoom            smallint NOT NULL,
  cx              integer NOT NULL,
  cy              integer NOT NULL,
  category_id     integer NOT NULL,
  campaign_id     integer NOT NULL,
  pin_count       integer NOT NULL CHECK (pin_count > 0),
  sum_x           double precision NOT NULL,
  sum_y           double precision NOT NULL,
  sample_pin_id   bigint NOT NULL,
  PRIMARY KEY (municipality_id, zoom, cx, cy, category_id, campaign_id)
);

-- Side of a cluster cell in Web Mercator metres at a zoom: 60 pixels of a 256-pixel tile.
-- packages/geo/src/grid-key.ts cellSize() is the same formula.
CREATE FUNCTION trygg_cell_size(zoom integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT 60 * 2 * pi() * 6378137 / (256 * power(2, zoom)) $$;

CREATE FUNCTION trygg_pin_mercator() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  merc geometry := ST_Transform(ST_SetSRID(ST_MakePoint(ST_X(NEW.geom), greatest(-85.0511287798066, least(85.0511287798066, ST_Y(NEW.geom)))), 4326), 3857);
BEGIN
  NEW.mx := ST_X(merc);
  NEW.my := ST_Y(merc);
  RETURN NEW;
END $$;

CREATE TRIGGER pin_mercator BEFORE INSERT OR UPDATE OF geom ON pin
  FOR EACH ROW EXECUTE FUNCTION trygg_pin_mercator();

-- Adds one public pin to its cell at every zoom.
CREATE FUNCTION trygg_cells_add(p pin) RETURNS void LANGUAGE sql AS $$
  INSERT INTO pin_cell AS c (municipality_id, zoom, cx, cy, category_id, campaign_id, pin_count, sum_x, sum_y, sample_pin_id)
  SELECT p.municipality_id, z, floor(p.mx / trygg_cell_size(z))::integer, floor(p.my / trygg_cell_size(z))::integer,
         p.category_id, coalesce(p.campaign_id, 0), 1, p.mx, p.my, p.id
  FROM generate_series(0, 20) AS z
  ON CONFLICT (municipality_id, zoom, cx, cy, category_id, campaign_id) DO UPDATE
    SET pin_count = c.pin_count + 1,
        sum_x = c.sum_x + excluded.sum_x,
        sum_y = c.sum_y + excluded.sum_y,
        sample_pin_id = excluded.sample_pin_id
$$;

-- Removes one public pin from its cell at every zoom; a cell whose sample was that pin names
-- another of its pins.
CREATE FUNCTION trygg_cells_remove(p pin) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM pin_cell AS c
   USING generate_series(0, 20) AS z
   WHERE c.municipality_id = p.municipality_id AND c.zoom = z
     AND c.cx = floor(p.mx / trygg_cell_size(z))::integer AND c.cy = floor(p.my / trygg_cell_size(z))::integer
     AND c.category_id = p.category_id AND c.campaign_id = coalesce(p.campaign_id, 0)
     AND c.pin_count = 1;
  UPDATE pin_cell AS c
     SET pin_count = c.pin_count - 1, sum_x = c.sum_x - p.mx, sum_y = c.sum_y - p.my
    FROM generate_series(0, 20) AS z
   WHERE c.municipality_id = p.municipality_id AND c.zoom = z
     AND c.cx = floor(p.mx / trygg_cell_size(z))::integer AND c.cy = floor(p.my / trygg_cell_size(z))::integer
     AND c.category_id = p.category_id AND c.campaign_id = coalesce(p.campaign_id, 0);
  UPDATE pin_cell AS c
     SET sample_pin_id = (
       SELECT q.id FROM pin AS q
        WHERE q.municipality_id = c.municipality_id AND q.category_id = c.category_id
          AND coalesce(q.campaign_id, 0) = c.campaign_id AND q.moderation = 'published' AND q.id <> p.id
          AND q.geom && ST_Transform(ST_MakeEnvelope(c.cx * trygg_cell_size(c.zoom), c.cy * trygg_cell_size(c.zoom),
                                                     (c.cx + 1) * trygg_cell_size(c.zoom), (c.cy + 1) * trygg_cell_size(c.zoom), 3857), 4326)
          AND floor(q.mx / trygg_cell_size(c.zoom))::integer = c.cx AND floor(q.my / trygg_cell_size(c.zoom))::integer = c.cy
        ORDER BY q.id DESC LIMIT 1)
    FROM generate_series(0, 20) AS z
   WHERE c.municipality_id = p.municipality_id AND c.zoom = z
     AND c.cx = floor(p.mx / trygg_cell_size(z))::integer AND c.cy = floor(p.my / trygg_cell_size(z))::integer
     AND c.category_id = p.category_id AND c.campaign_id = coalesce(p.campaign_id, 0)
     AND c.sample_pin_id = p.id;
END $$;

CREATE FUNCTION trygg_pin_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.moderation = 'published' THEN
    PERFORM trygg_cells_remove(OLD);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.moderation = 'published' THEN
    PERFORM trygg_cells_add(NEW);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER pin_cells_insert AFTER INSERT ON pin
  FOR EACH ROW EXECUTE FUNCTION trygg_pin_cells();
CREATE TRIGGER pin_cells_delete AFTER DELETE ON pin
  FOR EACH ROW EXECUTE FUNCTION trygg_pin_cells();
CREATE TRIGGER pin_cells_update AFTER UPDATE OF municipality_id, campaign_id, category_id, geom, moderation ON pin
  FOR EACH ROW
  WHEN ((OLD.municipality_id, OLD.campaign_id, OLD.category_id, OLD.mx, OLD.my, OLD.moderation)
        IS DISTINCT FROM (NEW.municipality_id, NEW.campaign_id, NEW.category_id, NEW.mx, NEW.my, NEW.moderation))
  EXECUTE FUNCTION trygg_pin_cells();
