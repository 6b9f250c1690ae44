# Build context: the repository root, after `mvn -DskipTests install`:
#   docker build -f deploy/docker/edge.Dockerfile -t session-ledger/edge:0.1.0 .
# The same jar as the local launcher, started at the edge alone (EdgeMain).
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY deploy/target/deploy-0.1.0-SNAPSHOT-exec.jar app.jar
USER 10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    LEDGER_HTTP_PORT=8080
ENTRYPOINT ["java", "-Dloader.main=io.sessionledger.deploy.edge.EdgeMain", "-jar", "/app/app.jar"]
