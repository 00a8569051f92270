-- When a date last completed: the open requests of a date that ran late (after later dates) are found
-- without scanning every stored result.
ALTER TABLE business_day ADD COLUMN completed_at TIMESTAMP;
