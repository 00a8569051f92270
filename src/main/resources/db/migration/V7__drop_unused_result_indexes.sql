-- Two indexes no query uses any more, which every night paid to fill: recon_request_by_request served a
-- query that candidate selection no longer runs (it reads the open requests of given dates through the
-- primary key), and recon_candidate_by_order served joins that now start from the candidates' primary key
-- (the reconcile reader looks each candidate's rows up by its order).
DROP INDEX recon_request_by_request;
DROP INDEX recon_candidate_by_order;
