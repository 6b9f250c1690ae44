# Build context: the repository root, after `mvn -DskipTests install`:
#   docker build -f deploy/docker/edge.Dockerfile -t session-ledger/edge:0.1.0 .
# The edge alone: deploy's -edge jar (main class EdgeMain). Metrics on 8083, for the operator's network only.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger
WORKDIR /app
COPY deploy/target/deploy-0.1.0-SNAPSHOT-edge.jar app.jar
USER 10001
EXPOSE 8080 8083
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75" \
    LEDGER_HTTP_PORT=8080 \
    LEDGER_EDGE_METRICS_HOST=0.0.0.0
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
