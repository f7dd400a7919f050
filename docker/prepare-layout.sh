#!/bin/sh
# Lays the packaged application out for a faster start (ADR 0054), as Spring Boot documents it:
#   1. the jar extracted: the application's classes and each library as a plain jar in lib/,
#      loaded by the JVM's own class loader rather than from jars nested in one jar;
#   2. a class-data sharing archive recorded by a training run that starts the application
#      context on an in-memory H2 database and exits once it is refreshed: the classes it
#      loaded are then mapped from the archive at each start rather than parsed and verified.
# The archive belongs to the JVM that recorded it: run this with the java that runs the
# application (the Dockerfile runs it in the runtime image). Start the application from
# <destination> with the same relative paths:
#   cd <destination> && java -XX:SharedArchiveFile=khcn-workflow.jsa -jar khcn-workflow.jar
# A JVM that cannot use the archive says so once and starts without it.
#
# usage: prepare-layout.sh <packaged jar> <destination folder>
set -eu

if [ "$#" -ne 2 ]; then
  echo "usage: $0 <packaged jar> <destination folder>" >&2
  exit 2
fi
jar=$1
destination=$2
java=${JAVA:-java}

if [ -e "$destination" ] && [ -n "$(ls -A "$destination")" ]; then
  echo "$destination is not empty" >&2
  exit 2
fi
mkdir -p "$destination"

# the extracted jar keeps the packaged jar's name: copy it under the name the entrypoint runs
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$jar" "$work/khcn-workflow.jar"
"$java" -Djarmode=tools -jar "$work/khcn-workflow.jar" extract --destination "$destination"

cd "$destination"
# the training run: nothing is written outside the JVM (an in-memory database, no job executor,
# no watcher of the models' folder, any free port), and it exits after the context's refresh
if ! "$java" -XX:ArchiveClassesAtExit=khcn-workflow.jsa -Dspring.context.exit=onRefresh \
    -Dfile.encoding=UTF-8 -jar khcn-workflow.jar \
    --spring.profiles.active=demo \
    "--spring.datasource.url=jdbc:h2:mem:training;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH" \
    --server.port=0 --khcn.processes.watch=false --camunda.bpm.job-execution.enabled=false \
    > "$work/training.log" 2>&1; then
  tail -n 40 "$work/training.log" >&2
  echo "the training run failed" >&2
  exit 1
fi
if [ ! -s khcn-workflow.jsa ]; then
  tail -n 40 "$work/training.log" >&2
  echo "the training run wrote no archive" >&2
  exit 1
fi
echo "layout ready in $destination: khcn-workflow.jar, lib/, khcn-workflow.jsa"
