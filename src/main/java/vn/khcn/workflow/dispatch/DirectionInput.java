package vn.khcn.workflow.dispatch;

import java.util.List;

/** What a director entered in giveDirection, as read from the task's variables. */
record DirectionInput(String direction, Boolean infoOnly, String leadUnit,
    List<String> coordinatingUnits, List<String> informedUnits, Object dueDate,
    String unitDueDates) {}
