-- The police traffic view: controls performed (speed checks, behaviour monitoring) and dated
-- snapshots of the traffic situation (lägesbild). Which days a pin's place feels unsafe on is
-- pin.day_type (migration 0006).

-- A control performed by police at a point or along a road segment. It may be linked to a
-- traffic area (its key and hull as they were when the control was recorded, since areas are
-- recomputed as pins arrive) and to an action item of the action plan (no foreign key: the
-- action plan keeps its own table). end_time before start_time means the control ran past midnight.
CREATE TABLE police_control (
  municipality_id  integer NOT NULL REFERENCES municipality (municipality_id),
  id               bigint GENERATED ALWAYS AS IDENTITY,
  kind             text NOT NULL CHECK (kind IN ('speed_check', 'behaviour_monitoring')),
  geom             geometry(Geometry, 4326) NOT NULL CHECK (GeometryType(geom) IN ('POINT', 'LINESTRING') AND ST_IsValid(geom)),
  control_date     date NOT NULL,
  start_time       time NOT NULL,
  end_time         time NOT NULL CHECK (end_time <> start_time),
  vehicles_checked integer NOT NULL CHECK (vehicles_checked BETWEEN 0 AND 100000),
  violations       integer NOT NULL CHECK (violations >= 0 AND violations <= vehicles_checked),
  notes            text CHECK (length(notes) <= 2000),
  area_key         text CHECK (length(area_key) <= 100),
  area_geom        geometry(Polygon, 4326),
  action_item_id   bigint,
  created_by       integer,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  CHECK ((area_key IS NULL) = (area_geom IS NULL)),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_account (municipality_id, id)
);
CREATE INDEX police_control_date_idx ON police_control (municipality_id, control_date);
CREATE INDEX police_control_geom_gix ON police_control USING gist (geom);

-- A named, dated picture of the traffic situation: the traffic areas and the controls as they
-- were when it was taken, with what changed since the snapshot before it.
CREATE TABLE police_snapshot (
  municipality_id integer NOT NULL REFERENCES municipality (municipality_id),
  id              bigint GENERATED ALWAYS AS IDENTITY,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  taken_at        timestamptz NOT NULL,
  created_by      integer,
  previous_id     bigint,
  parameters      jsonb NOT NULL,
  areas           jsonb NOT NULL,
  controls        jsonb NOT NULL,
  diff            jsonb NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, created_by) REFERENCES staff_account (municipality_id, id),
  FOREIGN KEY (municipality_id, previous_id) REFERENCES police_snapshot (municipality_id, id)
);
CREATE INDEX police_snapshot_taken_idx ON police_snapshot (municipality_id, taken_at);
