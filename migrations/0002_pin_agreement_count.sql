-- How many residents agreed with a pin ("me too" instead of a duplicate). Kept by the
-- agreement feature; read by the map and weighed in hotspot scores.
ALTER TABLE pin ADD COLUMN agreement_count integer NOT NULL DEFAULT 0 CHECK (agreement_count >= 0);
