package vn.khcn.workflow.identity;

import java.util.Set;

/**
 * Who covers for whom right now (substitution, issue #17): while a substitution is active the
 * substitute sees and acts on the absent person's tasks in their own name, "thay" the absent one.
 * Implemented by the substitution feature; the engine's completion rule, the trail's actor and the
 * inbox ask it.
 */
public interface Substitutes {

  /** The users {@code substitute} covers for at this moment (none when nothing is active). */
  Set<String> absentCoveredBy(String substitute);

  /** Whether {@code substitute} may act for {@code absent} at this moment. */
  default boolean actsFor(String substitute, String absent) {
    return substitute != null && absent != null && !substitute.equals(absent)
        && absentCoveredBy(substitute).contains(absent);
  }

  /** Nobody covers for anybody (engines built without Spring, unit tests). */
  Substitutes NONE = substitute -> Set.of();
}
