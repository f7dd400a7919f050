-- The text of each attachment, folded for search (lower case, no diacritics: SearchText.fold), so
-- that /documents?q= and GET /api/incoming-documents?q= find a word that only the attached file
-- contains. One row per attachment once it has been read (an empty text: nothing readable without
-- OCR); attachments stored before V11 are read at start-up (AttachmentTextIndexer).
create table attachment_text (
  attachment_id bigint           not null primary key,
  document_id   bigint           not null,
  search_text   varchar(1000000) not null,
  constraint fk_attachment_text_attachment foreign key (attachment_id)
    references document_attachment (id),
  constraint fk_attachment_text_document foreign key (document_id)
    references incoming_document (id)
);
create index ix_attachment_text_document on attachment_text (document_id);
