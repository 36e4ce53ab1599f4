-- Each change of a pin's status ('received' is implied by pin.created_at): what a resident sees
-- on the follow page. Written by whoever changes pin.status — planners reviewing pins, and
-- action items whose status reaches their linked pins (action_item_id then names the item).
CREATE TABLE pin_status_event (
  municipality_id integer NOT NULL,
  id              bigint GENERATED ALWAYS AS IDENTITY,
  pin_id          bigint NOT NULL,
  status          text NOT NULL CHECK (status IN ('received', 'reviewed', 'action_planned', 'done', 'not_done')),
  reason          text CHECK (length(reason) <= 2000),
  action_item_id  bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, pin_id) REFERENCES pin (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX pin_status_event_pin_idx ON pin_status_event (municipality_id, pin_id, created_at);
