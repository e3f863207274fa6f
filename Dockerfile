# FleetFlow images, built from this repository:
#   docker build --target gateway -t fleetflow/gateway .   the ingest gateway (+ dashboard when built)
#   docker build --target job     -t fleetflow/job .       the Flink job jar and its submitter
# docker-compose.yml builds both.

# --- Build: Java 17 for the Maven build, Node.js 20 for the dashboard --------------------------------
FROM node:20-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package dependency:copy-dependencies \
      -DincludeScope=runtime \
 && mkdir -p /out/gateway/lib /out/dashboard \
 && cp ingest-gateway/target/ingest-gateway-*[0-9T].jar /out/gateway/ \
 && cp ingest-gateway/target/dependency/*.jar /out/gateway/lib/ \
 && cp flink-job/target/flink-job-*-shaded.jar /out/flink-job.jar \
 && if [ -d dashboard/dist ]; then cp -r dashboard/dist/. /out/dashboard/; fi

# --- Gateway ------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre AS gateway
RUN useradd --system --uid 10001 fleetflow
WORKDIR /app
COPY --from=build /out/gateway/ /app/
COPY --from=build /out/dashboard/ /app/dashboard/
ENV FLEETFLOW_HTTP_HOST=0.0.0.0 \
    FLEETFLOW_HTTP_PORT=8080 \
    FLEETFLOW_DASHBOARD_DIR=/app/dashboard
USER fleetflow
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/*:/app/lib/*", "io.fleetflow.gateway.app.GatewayMain"]

# --- Job: the shaded jar plus a submitter, on the same Flink image as the cluster --------------------
FROM flink:1.20-java17 AS job
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/flink-job.jar /opt/fleetflow/flink-job.jar
COPY docker/submit-job.sh /opt/fleetflow/submit-job.sh
ENTRYPOINT ["/bin/bash", "/opt/fleetflow/submit-job.sh"]
