-- /documents ordered by issue date (sort=ISSUED, issue 20, ADR 0037): the order is issued_on
-- descending, then the list's own order. Without an index in that order every page sorted all
-- matching documents (148 ms for a common phrase in a year of 92,000 documents, EXPLAIN ANALYZE);
-- with it PostgreSQL walks the documents in the page's order and stops after the page (0.1 ms).
-- Runs unchanged on H2 2.x and PostgreSQL.
create index ix_incoming_document_issued_order on incoming_document (issued_on desc, doc_year desc, incoming_number desc, id desc);
