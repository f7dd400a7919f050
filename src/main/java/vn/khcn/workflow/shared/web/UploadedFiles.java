package vn.khcn.workflow.shared.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.FileTypes.FileType;

/** Checks shared by every upload: a safe file name, and content that matches it. */
public final class UploadedFiles {

  public static final int MAX_FILE_NAME = 255;

  /** The last path segment of the name, without control characters; refused if nothing is left. */
  public static String safeFileName(String original, List<FieldError> problems) {
    if (original == null || original.isBlank()) {
      problems.add(new FieldError("file", "thiếu tên tệp"));
      return null;
    }
    String name = original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = name.replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")) {
      problems.add(new FieldError("file", "tên tệp không hợp lệ: " + original));
      return null;
    }
    if (name.length() > MAX_FILE_NAME) {
      problems.add(new FieldError("file", "tên tệp dài quá " + MAX_FILE_NAME + " ký tự"));
      return null;
    }
    return name;
  }

  /**
   * The type of the content, checked against the (safe) file name; null with a problem added when
   * the file is empty, of a type not accepted, or named for another type.
   */
  public static FileType contentType(String fileName, byte[] content, List<FieldError> problems) {
    if (content == null || content.length == 0) {
      problems.add(new FieldError("file", "tệp rỗng"));
      return null;
    }
    FileType type;
    try {
      type = FileTypes.detect(content).orElse(null);
    } catch (FileTypes.ArchiveTooLargeException e) {
      problems.add(new FieldError("file", "không nhận tệp: " + e.getMessage()));
      return null;
    }
    if (type == null) {
      problems.add(new FieldError("file",
          "chỉ nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung tệp)"));
      return null;
    }
    if (fileName != null && !FileTypes.extensionMatches(fileName, type)) {
      problems.add(new FieldError("file", "nội dung tệp là " + type.name()
          + " nhưng tên tệp có đuôi '." + FileTypes.extension(fileName) + "'"));
      return null;
    }
    return type;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private UploadedFiles() {}
}
