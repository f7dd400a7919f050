package vn.khcn.workflow.outgoing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * khcn.outgoing: the types of outgoing document with the pattern of their number and symbol
 * (Decree 30/2020 Art. 15, App. I/III) and the codes of the drafting units.
 *
 * @param symbols one entry per document type people may choose
 * @param unitCodes the code of each unit in a symbol ({unit}), e.g. phong-qlkh: QLKH
 */
@ConfigurationProperties(prefix = "khcn.outgoing")
record OutgoingProperties(List<TypeSymbol> symbols, Map<String, String> unitCodes) {

  /** The series every type without a series of its own shares, one per year. */
  static final String REGULAR = "REGULAR";
  /** Classified documents' series, one per year (Art. 15). */
  static final String CLASSIFIED = "CLASSIFIED";

  /**
   * One type of document.
   *
   * @param type its name as people write it ("Công văn")
   * @param pattern number and symbol: {n} the number (01, 02 …), {unit} the drafting unit's
   *     code, {year} the year; e.g. "{n}/SKHCN-{unit}"
   * @param series the name of the type's own series (each type of legal normative document);
   *     empty = the shared series
   */
  record TypeSymbol(String type, String pattern, String series) {}

  OutgoingProperties {
    symbols = symbols == null ? List.of() : List.copyOf(symbols);
    unitCodes = unitCodes == null ? Map.of() : Map.copyOf(unitCodes);
    for (TypeSymbol s : symbols) {
      if (s.type() == null || s.type().isBlank() || s.pattern() == null
          || !s.pattern().contains("{n}")) {
        throw new IllegalStateException("khcn.outgoing.symbols: every entry needs a type and a"
            + " pattern containing {n}: " + s);
      }
      if (s.series() != null && (s.series().equals(REGULAR) || s.series().equals(CLASSIFIED)
          || s.series().length() > 32)) {
        throw new IllegalStateException("khcn.outgoing.symbols: series of " + s.type()
            + " must be a name of its own, at most 32 characters");
      }
    }
  }

  Optional<TypeSymbol> type(String name) {
    return symbols.stream().filter(s -> s.type().equals(name)).findFirst();
  }

  List<String> typeNames() {
    return symbols.stream().map(TypeSymbol::type).toList();
  }
}
