# Build context: the repository root, after `mvn -DskipTests install`:
#   docker build -f deploy/docker/command-side.Dockerfile -t session-ledger/command-side:0.1.0 .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY command-side/target/command-side-0.1.0-SNAPSHOT.jar app.jar
USER 10001
EXPOSE 8081
# The heap follows the container's memory limit instead of the host's.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC" \
    SERVER_PORT=8081
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
