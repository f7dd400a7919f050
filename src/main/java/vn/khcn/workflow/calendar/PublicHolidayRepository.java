package vn.khcn.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PublicHolidayRepository extends JpaRepository<PublicHoliday, Long> {

  List<PublicHoliday> findAllByOrderByDayAsc();

  List<PublicHoliday> findByDayBetweenOrderByDayAsc(LocalDate from, LocalDate to);

  Optional<PublicHoliday> findByDay(LocalDate day);
}
