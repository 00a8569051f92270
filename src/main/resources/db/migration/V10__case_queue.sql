-- The desk's queue (issue 18): a page of recon_case in the order asked, and its total, at 100,000 cases.
-- Each sort of the queue (CaseQuery.Sort) reads its index in order, case_id breaking ties, and stops after the
-- page; the filters without a sort of their own (assignee, the id search) find their rows through an index.
-- recon_case_by_state (V8) serves the default listing and its count.
CREATE INDEX recon_case_by_due ON recon_case (due_on, case_id);
CREATE INDEX recon_case_by_opened ON recon_case (opened_on, case_id);
CREATE INDEX recon_case_by_priority ON recon_case (priority, case_id);
CREATE INDEX recon_case_by_amount ON recon_case (amount, case_id);
CREATE INDEX recon_case_by_assignee ON recon_case (assignee, case_id);
CREATE INDEX recon_case_by_order ON recon_case (order_id);
CREATE INDEX recon_case_by_txn ON recon_case (txn_id);
-- The total of a page: the queue's filters are all in this index, so a count reads it alone (PostgreSQL's
-- index-only scan) instead of every case.
CREATE INDEX recon_case_counts ON recon_case (state, kind, priority, due_on, assignee);
