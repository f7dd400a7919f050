package vn.khcn.workflow.reliability.cluster;

import vn.khcn.workflow.reliability.cluster.Client.Answer;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/** multipart/form-data POSTs to one node, through the tests' {@link TestHttp}. */
final class Multipart {

  /** One file in the part named part. */
  static Answer post(AppNode node, String user, String path, String part, String fileName,
      byte[] content) {
    TestHttp.Response response = new TestHttp(node.url("")).multipart(user, path,
        Part.file(part, fileName, "application/octet-stream", content));
    return new Answer(response.status(), response.text());
  }

  /** POST /api/research-tasks: the JSON part "dossier" and the file part "outline". */
  static Answer postDossier(AppNode node, String user, String dossierJson, byte[] outline) {
    TestHttp.Response response = new TestHttp(node.url("")).multipart(user,
        "/api/research-tasks", Part.json("dossier", dossierJson),
        Part.file("outline", "tm.pdf", "application/pdf", outline));
    return new Answer(response.status(), response.text());
  }

  private Multipart() {}
}
