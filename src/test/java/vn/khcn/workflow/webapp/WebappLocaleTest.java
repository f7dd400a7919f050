package vn.khcn.workflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Vietnamese locale of the Camunda webapps: our {@code vi.json} covers every label and date
 * setting of the webjar's {@code en.json}, and the application serves our files, not the webjar's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappLocaleTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  static final Pattern LOCALES = Pattern.compile(
      "(?m)^\\s*locales:\\s*\\{\\s*availableLocales:\\s*\\[([^]]*)]\\s*,\\s*fallbackLocale:\\s*'(\\w+)'");
  /** Letters only Vietnamese uses (đ, ơ, ư and the tone marks), to tell a translation from a copy. */
  static final Pattern VIETNAMESE = Pattern.compile(
      "[đĐơƠưƯăĂâÂêÊôÔàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]");

  @Autowired TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void viJsonTranslatesEveryLabelOfTheWebjarsEnglish(String app) throws Exception {
    JsonNode en = JSON.readTree(webjarResource(app + "/locales/en.json"));
    JsonNode vi = JSON.readTree(served("/camunda/app/" + app + "/locales/vi.json"));
    assertThat(vi).as("served vi.json is ours").isEqualTo(JSON.readTree(ownResource(app
        + "/locales/vi.json")));

    assertThat(fieldNames(vi)).containsExactlyInAnyOrderElementsOf(fieldNames(en));
    if (en.has("dateLocales")) {
      assertSameShape("dateLocales", en.get("dateLocales"), vi.get("dateLocales"));
    }
    JsonNode enLabels = en.get("labels");
    JsonNode viLabels = vi.get("labels");
    assertThat(fieldNames(viLabels)).as("labels of %s", app)
        .containsExactlyInAnyOrderElementsOf(fieldNames(enLabels));

    List<String> copied = new ArrayList<>();
    int vietnamese = 0;
    for (String key : fieldNames(enLabels)) {
      String english = enLabels.get(key).asText();
      JsonNode translated = viLabels.get(key);
      assertThat(translated.isTextual()).as(key).isTrue();
      if (!english.isEmpty()) {
        assertThat(translated.asText()).as("label %s", key).isNotBlank();
      }
      assertThat(placeholders(translated.asText())).as("placeholders of %s", key)
          .isEqualTo(placeholders(english));
      if (english.length() > 3 && english.equals(translated.asText())) {
        copied.add(key);
      }
      if (VIETNAMESE.matcher(translated.asText()).find()) {
        vietnamese++;
      }
    }
    assertThat(copied).as("labels left in English").isSubsetOf("APP_VENDOR");
    assertThat(vietnamese).as("labels written with Vietnamese letters")
        .isGreaterThan(enLabels.size() * 9 / 10);
    assertThat(viLabels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Đăng nhập");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void configJsOffersVietnameseFirstWithEnglishFallbackAndKeepsTheOtherSettings(String app)
      throws Exception {
    String config = served("/camunda/app/" + app + "/scripts/config.js");
    assertThat(config).as("served config.js is ours").isEqualTo(ownResource(app
        + "/scripts/config.js"));

    Matcher locales = LOCALES.matcher(config);
    assertThat(locales.find()).as("an active locales setting in %s config.js", app).isTrue();
    assertThat(locales.group(1).replaceAll("[\\s']", "").split(",")).containsExactly("vi", "en");
    assertThat(locales.group(2)).isEqualTo("en");
    assertThat(config).contains("export default {");

    Matcher scripts = Pattern.compile("(?m)^\\s*customScripts:\\s*\\[([^]]*)]").matcher(config);
    if (scripts.find()) {
      List<String> names = List.of(scripts.group(1).replaceAll("[\\s']", "").split(","));
      for (String script : names) {
        assertThat(served("/camunda/app/" + app + "/" + script + ".js")).as(script)
            .isEqualTo(ownResource(app + "/" + script + ".js"));
      }
      if (app.equals("tasklist")) {
        assertThat(names).as("tasklist loads its date-locale script").contains("scripts/date-locale");
        assertThat(served("/camunda/app/tasklist/scripts/date-locale.js"))
            .contains("$translateChangeSuccess");
      }
    } else {
      assertThat(app).as("tasklist loads its date-locale script").isNotEqualTo("tasklist");
    }

    String original = webjarResource(app + "/scripts/config.js");
    if (app.equals("tasklist")) {
      for (String shortcut : List.of("claimTask", "focusFilter", "focusList", "focusForm",
          "startProcess")) {
        Matcher key = Pattern.compile(shortcut + ":\\s*\\{\\s*key:\\s*'([^']+)'").matcher(original);
        assertThat(key.find()).as("webjar shortcut %s", shortcut).isTrue();
        assertThat(config).as("shortcut %s kept", shortcut)
            .containsPattern(shortcut + ":\\s*\\{\\s*key:\\s*'" + Pattern.quote(key.group(1)) + "'");
      }
    }
  }

  private static void assertSameShape(String path, JsonNode en, JsonNode vi) {
    assertThat(vi).as(path).isNotNull();
    if (en.isObject()) {
      assertThat(vi.isObject()).as(path).isTrue();
      assertThat(fieldNames(vi)).as(path).containsExactlyInAnyOrderElementsOf(fieldNames(en));
      for (String key : fieldNames(en)) {
        assertSameShape(path + "." + key, en.get(key), vi.get(key));
      }
    } else if (en.isArray()) {
      assertThat(vi.isArray()).as(path).isTrue();
      assertThat(vi.size()).as(path).isEqualTo(en.size());
      for (int i = 0; i < en.size(); i++) {
        assertSameShape(path + "[" + i + "]", en.get(i), vi.get(i));
      }
    } else {
      assertThat(vi.getNodeType()).as(path).isEqualTo(en.getNodeType());
      if (en.isTextual()) {
        assertThat(vi.asText()).as(path).isNotBlank();
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The file as Camunda ships it, inside camunda-webapp-webjar. */
  private static String webjarResource(String path) throws IOException {
    return read(resource(path, true));
  }

  /** Our copy in src/main/resources (target/classes). */
  private static String ownResource(String path) throws IOException {
    return read(resource(path, false));
  }

  private static URL resource(String path, boolean inJar) throws IOException {
    for (URL url : Collections.list(WebappLocaleTest.class.getClassLoader()
        .getResources(WEBJAR + path))) {
      if (url.getProtocol().equals("jar") == inJar
          && (!inJar || url.getPath().contains("camunda-webapp-webjar"))) {
        return url;
      }
    }
    throw new AssertionError((inJar ? "camunda-webapp-webjar has no " : "no own ") + WEBJAR + path);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** A webapp file as the running application serves it, decoded as UTF-8. */
  private String served(String path) {
    ResponseEntity<byte[]> response = rest.getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }
}
