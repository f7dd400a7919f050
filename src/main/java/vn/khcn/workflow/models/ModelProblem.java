package vn.khcn.workflow.models;

/** Why a model is refused: file, line, element, and the reason in Vietnamese and English. */
public record ModelProblem(String resource, int line, String element, String messageVi,
    String messageEn) {

  @Override
  public String toString() {
    return resource + (line > 0 ? ":" + line : "") + (element == null ? "" : " [" + element + "]")
        + ": " + messageVi + " / " + messageEn;
  }
}
