# Build: the Maven wrapper inside a JDK image; run: the jar on a JRE as a non-root user, with the
# models in /app/processes where the application deploys and watches them.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app khcn
WORKDIR /app
COPY --from=build /src/target/khcn-workflow-*.jar /app/khcn-workflow.jar
COPY --chown=khcn processes /app/processes
USER khcn
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-jar", "/app/khcn-workflow.jar"]
