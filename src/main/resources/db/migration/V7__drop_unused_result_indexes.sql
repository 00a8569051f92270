-- An index no query uses any more, which every night paid to fill: recon_request_by_request served a query
-- that candidate selection no longer runs (it reads the open requests of given dates through the primary
-- key). recon_candidate_by_order stays: PostgreSQL's reconcile joins start from the candidates' primary key,
-- but H2 starts the same joins from the input tables and needs it to find a line's candidate (without it a
-- 1M-line night on H2 did not get through reconcile in minutes).
DROP INDEX recon_request_by_request;
