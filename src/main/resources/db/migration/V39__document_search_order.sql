-- Document search at 1,000,000 documents (issue 20, ADR 0036). The search page and the API list
-- documents newest first (doc_year, incoming_number, id, all descending); no index had that
-- order (the unique key starts with the series), so every page without a text sorted every
-- document, and a text found in many documents could not stop at the page's last row. With this
-- index PostgreSQL walks the documents in the page's order and stops after the page. Runs
-- unchanged on H2 2.x and PostgreSQL.
create index ix_incoming_document_order on incoming_document (doc_year desc, incoming_number desc, id desc);
