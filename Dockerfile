# Build: the Maven wrapper inside a JDK image; run: the jar, extracted, on a JRE as a non-root
# user, with the models in /app/processes where the application deploys and watches them.
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
# the jar extracted and a class-data sharing archive recorded by this image's java (ADR 0054):
# a start takes about a quarter less time than from the jar as packaged
COPY --from=build /src/target/khcn-workflow-*.jar /tmp/khcn-workflow.jar
COPY docker/prepare-layout.sh /tmp/prepare-layout.sh
RUN sh /tmp/prepare-layout.sh /tmp/khcn-workflow.jar /app/application \
  && rm /tmp/khcn-workflow.jar /tmp/prepare-layout.sh
COPY --chown=khcn processes /app/processes
ENV PROCESSES_PATH=/app/processes
# the archive records the class path as the training run saw it: start from this folder
WORKDIR /app/application
USER khcn
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=khcn-workflow.jsa", "-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-jar", "khcn-workflow.jar"]
