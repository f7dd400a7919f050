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

  /** The type the content shows, if it is one we accept. */
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

  /** An Office Open XML package: its parts say whether it is a Word or an Excel document. */
  private static Optional<FileType> officeType(byte[] content) {
    boolean contentTypes = false;
    FileType type = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = zip.getNextEntry()) != null && entries++ < 2000) {
        String name = entry.getName();
        if (name.equals("[Content_Types].xml")) {
          contentTypes = true;
        } else if (name.equals("word/document.xml")) {
          type = FileType.DOCX;
        } else if (name.equals("xl/workbook.xml")) {
          type = FileType.XLSX;
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
