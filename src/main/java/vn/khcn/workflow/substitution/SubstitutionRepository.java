package vn.khcn.workflow.substitution;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SubstitutionRepository extends JpaRepository<Substitution, Long> {

  /** Substitutions in force on the day. */
  @Query("select s from Substitution s where s.endedAt is null and s.fromDay <= :day"
      + " and s.toDay >= :day")
  List<Substitution> activeOn(@Param("day") LocalDate day);

  /** Substitutions in force on the day in which the user is the substitute. */
  @Query("select s from Substitution s where s.substituteUser = :user and s.endedAt is null"
      + " and s.fromDay <= :day and s.toDay >= :day")
  List<Substitution> activeFor(@Param("user") String substitute, @Param("day") LocalDate day);

  /** Not ended, of this absent person and substitute, overlapping the days. */
  @Query("select s from Substitution s where s.absentUser = :absent"
      + " and s.substituteUser = :substitute and s.endedAt is null"
      + " and s.fromDay <= :to and s.toDay >= :from")
  List<Substitution> overlapping(@Param("absent") String absent,
      @Param("substitute") String substitute, @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  /** Those a person takes part in (absent, substitute or creator), newest first. */
  @Query("select s from Substitution s where s.absentUser = :user or s.substituteUser = :user"
      + " or s.createdBy = :user order by s.fromDay desc, s.id desc")
  List<Substitution> involving(@Param("user") String user);

  List<Substitution> findAllByOrderByFromDayDescIdDesc();
}
