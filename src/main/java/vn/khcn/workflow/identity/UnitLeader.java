package vn.khcn.workflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One leader of one unit: its head (trưởng phòng, chánh văn phòng) or a deputy. */
@Entity
@Table(name = "unit_leader")
@IdClass(UnitLeader.Key.class)
class UnitLeader {

  /** A leader's role in the unit. */
  public enum Role {
    HEAD, DEPUTY
  }

  record Key(String unit, String userId) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(nullable = false, length = 64)
  private String unit;

  @Id
  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected UnitLeader() {}

  UnitLeader(String unit, String userId, Role role, String updatedBy) {
    this.unit = unit;
    this.userId = userId;
    this.role = role;
    this.updatedBy = updatedBy;
    this.updatedAt = Instant.now();
  }

  String unit() {
    return unit;
  }

  String userId() {
    return userId;
  }

  Role role() {
    return role;
  }
}
