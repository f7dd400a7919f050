package vn.khcn.workflow.signature;

/**
 * The signed parts of a PDF (/ByteRange [0 a b c]): from the start of the file to the signature's
 * hexadecimal /Contents and from after it on; the gap between them must hold only that string.
 */
final class ByteRange {

  private ByteRange() {}

  static boolean valid(int[] range, byte[] file) {
    if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0
        || range[2] <= range[1] || range[3] < 0 || (long) range[2] + range[3] > file.length) {
      return false;
    }
    if (file[range[1]] != '<' || file[range[2] - 1] != '>') {
      return false;
    }
    for (int i = range[1] + 1; i < range[2] - 1; i++) {
      if (Character.digit(file[i], 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the signed parts reach the end of the file (line ends after %%EOF aside). */
  static boolean wholeFile(int[] range, byte[] file) {
    if (range == null || range.length != 4) {
      return false;
    }
    for (long i = (long) range[2] + range[3]; i < file.length; i++) {
      byte b = file[(int) i];
      if (b != '\r' && b != '\n' && b != ' ' && b != 0) {
        return false;
      }
    }
    return true;
  }
}
