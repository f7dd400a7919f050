package vn.khcn.workflow.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The numbered items of a document kept at registration (issue 17): the extract's
 * {@code items: [{label, text, bodies}]}, checked like every typed text, stored in
 * {@code document_item} and proposed to the director as direction items.
 */
@Service
@Transactional
class DocumentItems {

  static final int MAX_ITEMS = 50;
  static final int MAX_LABEL = 20;
  static final int MAX_TEXT = 8000;
  static final int MAX_BODIES = 20;
  static final int MAX_BODY = 300;
  private static final String FIELD = "items";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** An item as a client sends it. */
  record ItemInput(String label, String text, List<String> bodies) {}

  /** A checked item. */
  record ItemText(String label, String text, List<String> bodies) {}

  private final DocumentItemRepository items;

  DocumentItems(DocumentItemRepository items) {
    this.items = items;
  }

  /** The items, checked; each problem goes to {@code errors} naming items[i].field. */
  static List<ItemText> validate(List<ItemInput> inputs, List<FieldError> errors) {
    List<ItemText> valid = new ArrayList<>();
    if (inputs == null) {
      return valid;
    }
    if (inputs.size() > MAX_ITEMS) {
      errors.add(new FieldError(FIELD, "nhiều quá " + MAX_ITEMS + " mục"));
      return valid;
    }
    for (int i = 0; i < inputs.size(); i++) {
      ItemInput input = inputs.get(i);
      String at = FIELD + "[" + i + "]";
      if (input == null) {
        errors.add(new FieldError(at, "mục trống"));
        continue;
      }
      int before = errors.size();
      String label = text(at + ".label", "số mục", input.label(), MAX_LABEL, errors);
      String text = text(at + ".text", "nội dung mục", input.text(), MAX_TEXT, errors);
      List<String> bodies = new ArrayList<>();
      List<String> raw = input.bodies() == null ? List.of() : input.bodies();
      if (raw.size() > MAX_BODIES) {
        errors.add(new FieldError(at + ".bodies", "nhiều quá " + MAX_BODIES + " cơ quan"));
      } else {
        for (String body : raw) {
          String checked = text(at + ".bodies", "tên cơ quan", body, MAX_BODY, errors);
          if (checked != null && checked.contains("\n")) {
            errors.add(new FieldError(at + ".bodies", "tên cơ quan không xuống dòng"));
          } else if (checked != null) {
            bodies.add(checked);
          }
        }
      }
      if (errors.size() == before) {
        valid.add(new ItemText(label, text, List.copyOf(bodies)));
      }
    }
    return valid;
  }

  /** The items of the registration page's hidden field (the extract's JSON); blank: none. */
  static List<ItemInput> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    if (json.length() > MAX_ITEMS * (MAX_TEXT + MAX_BODIES * MAX_BODY)) {
      throw new InvalidInputException(List.of(new FieldError(FIELD, "các mục dài quá")));
    }
    try {
      return JSON.readValue(json, new TypeReference<List<ItemInput>>() {});
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(List.of(new FieldError(FIELD,
          "các mục không đúng dạng [{label, text, bodies}]")));
    }
  }

  void store(long documentId, List<ItemText> texts) {
    for (int i = 0; i < texts.size(); i++) {
      items.save(new DocumentItem(documentId, i + 1, texts.get(i)));
    }
  }

  @Transactional(readOnly = true)
  List<DocumentItem> ofDocument(long documentId) {
    return items.ofDocument(documentId);
  }

  private static String text(String field, String label, String value, int max,
      List<FieldError> errors) {
    String text = RegistrationRequest.text(field, value, max, true, label, errors);
    return text == null ? null : text.strip();
  }
}
