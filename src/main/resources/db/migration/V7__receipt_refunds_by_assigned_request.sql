-- The receipts step joins a date's refunded requests to the refunds assigned to them. Without this index H2
-- answers that join by scanning all the date's refunds once per request (67,000 x 106,000 rows on a
-- 1,000,000-line night: the step never finished); PostgreSQL hash-joins either way.
CREATE INDEX recon_refund_by_assigned_request ON recon_refund (business_date, assigned_request_id);
