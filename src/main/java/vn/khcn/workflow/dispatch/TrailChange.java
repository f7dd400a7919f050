package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One field a correction changed, as a person reads it: old value → new value. */
@Embeddable
class TrailChange {

  @Column(name = "field_name", nullable = false)
  private String field;

  @Column(name = "old_value")
  private String oldValue;

  @Column(name = "new_value")
  private String newValue;

  protected TrailChange() {}

  TrailChange(String field, String oldValue, String newValue) {
    this.field = field;
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  public String getField() { return field; }
  public String getOldValue() { return oldValue; }
  public String getNewValue() { return newValue; }
}
