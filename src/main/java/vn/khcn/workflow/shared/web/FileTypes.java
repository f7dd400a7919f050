package vn.khcn.workflow.shared.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises the file types the Department accepts (PDF, DOCX, XLSX, PNG, JPEG) by their content,
 * and checks that the file name's extension says the same.
 */
public final class FileTypes {

  public enum FileType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg");

    private final String contentType;
    private final String[] extensions;

    FileType(String contentType, String... extensions) {
      this.contentType = contentType;
      this.extensions = extensions;
    }

    public String contentType() {
      return contentType;
    }

    boolean hasExtension(String extension) {
      for (String e : extensions) {
        if (e.equals(extension)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The type the content shows, if it is one we accept.
   *
   * @throws ArchiveTooLargeException when an Office file inflates beyond the limits
   */
  public static Optional<FileType> detect(byte[] content) {
    if (startsWith(content, "%PDF-".getBytes())) {
      return Optional.of(FileType.PDF);
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of(FileType.PNG);
    }
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(FileType.JPEG);
    }
    if (startsWith(content, new byte[] {'P', 'K', 0x03, 0x04})) {
      return officeType(content);
    }
    return Optional.empty();
  }

  /** The lower-case extension of a file name, or "" when it has none. */
  public static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  public static boolean extensionMatches(String fileName, FileType type) {
    return type.hasExtension(extension(fileName));
  }

  /**
   * Most bytes the parts of one Office file may inflate to, all parts together: a 20 MB document
   * of text and (already compressed) pictures inflates to far less; a "zip bomb" of 1 MB that
   * inflates to 1 GB is refused after 100 MB, without inflating the rest.
   */
  public static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

  /** Most parts of one Office file; a real document has a few dozen to a few hundred. */
  public static final int MAX_ENTRIES = 5000;

  /** An archive that inflates beyond {@link #MAX_INFLATED_BYTES} or has too many parts. */
  public static final class ArchiveTooLargeException extends RuntimeException {
    ArchiveTooLargeException(String message) {
      super(message);
    }
  }

  /**
   * An Office Open XML package: its parts say whether it is a Word or an Excel document. Each
   * part is inflated through a small buffer and counted (ZipInputStream inflates a part even to
   * skip it), so the check stops as soon as the limits are passed.
   */
  private static Optional<FileType> officeType(byte[] content) {
    boolean contentTypes = false;
    FileType type = null;
    byte[] buffer = new byte[8192];
    long inflated = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new ArchiveTooLargeException(
              "tệp nén có quá nhiều thành phần (hơn " + MAX_ENTRIES + ")");
        }
        String name = entry.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.equals("word/document.xml")) {
          type = FileType.DOCX;
        } else if (name.equals("xl/workbook.xml")) {
          type = FileType.XLSX;
        }
        int read;
        while ((read = zip.read(buffer)) > 0) {
          inflated += read;
          if (inflated > MAX_INFLATED_BYTES) {
            throw new ArchiveTooLargeException("tệp nén bung ra quá "
                + MAX_INFLATED_BYTES / (1024 * 1024) + " MB (nghi là \"bom nén\")");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return contentTypes ? Optional.ofNullable(type) : Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private FileTypes() {}
}
