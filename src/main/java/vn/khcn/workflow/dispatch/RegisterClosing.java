package vn.khcn.workflow.dispatch;

import java.util.Optional;

/**
 * The closing line of a year's incoming register once the year is closed (Decree 30/2020,
 * App. IV: the register ends with how many documents it holds, from which number to which, who
 * closed it and when). The register PDF prints the line after the year's last row when a bean
 * supplies it; without such a bean no year is shown as closed.
 */
public interface RegisterClosing {

  /**
   * The line to print under the year's register, when that register is closed.
   *
   * @param year the calendar year of the incoming numbers
   * @param classified the classified series ("-M") rather than the regular one
   */
  Optional<String> closingLine(int year, boolean classified);
}
