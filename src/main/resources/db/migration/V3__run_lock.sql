-- One row per business date. A run holds its date's row locked (SELECT ... FOR UPDATE NOWAIT on its own
-- connection) for as long as it runs: a second run of the same date is refused at once, and a run killed
-- mid-way releases the lock with its connection.
CREATE TABLE run_lock (
    business_date DATE NOT NULL PRIMARY KEY
);
