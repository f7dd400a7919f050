package vn.khcn.workflow.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the model history: an attempt to deploy models and how it ended. */
@Entity
@Table(name = "model_deployment")
public class ModelDeployment {

  /** How the models arrived. */
  public enum Channel { STARTUP, WATCHER, REST }

  /** How the attempt ended. */
  public enum Result { DEPLOYED, UNCHANGED, REFUSED, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempted_at", nullable = false)
  private Instant attemptedAt;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(nullable = false)
  private String resources;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Result result;

  @Column(name = "deployment_id")
  private String deploymentId;

  private String problems;

  protected ModelDeployment() {}

  ModelDeployment(Instant attemptedAt, String actor, Channel channel, String resources,
      Result result, String deploymentId, String problems) {
    this.attemptedAt = attemptedAt;
    this.actor = actor;
    this.channel = channel;
    this.resources = truncate(resources, 4000);
    this.result = result;
    this.deploymentId = deploymentId;
    this.problems = truncate(problems, 8000);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Long getId() { return id; }
  public Instant getAttemptedAt() { return attemptedAt; }
  public String getActor() { return actor; }
  public Channel getChannel() { return channel; }
  public String getResources() { return resources; }
  public Result getResult() { return result; }
  public String getDeploymentId() { return deploymentId; }
  public String getProblems() { return problems; }
}
