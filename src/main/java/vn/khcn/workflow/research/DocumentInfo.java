package vn.khcn.workflow.research;

import java.time.Instant;

/** A dossier file without its content. */
record DocumentInfo(Long id, DocumentKind kind, String fileName, String contentType,
    long sizeBytes, String uploadedBy, Instant uploadedAt) {}
