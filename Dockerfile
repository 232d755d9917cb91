# syntax=docker/dockerfile:1
#
# One image recipe for every Simpul service. Pick the service with the SERVICE build arg:
#
#   docker build --build-arg SERVICE=registry-service  --build-arg PORT=8081 -t simpul/registry-service .
#   docker build --build-arg SERVICE=training-service  --build-arg PORT=8082 -t simpul/training-service .
#   docker build --build-arg SERVICE=reporting-service --build-arg PORT=8084 -t simpul/reporting-service .
#   docker build --build-arg SERVICE=web               --build-arg PORT=8080 -t simpul/web .
#
# docker-compose.yml passes both args. Needs BuildKit for the ~/.m2 cache mount: the default builder of Docker 23+ and
# of Compose v2; with the old Python docker-compose 1.x set DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1.

ARG SERVICE=registry-service

# ---------------------------------------------------------------------------------------------------------------------
# Build: the service and the reactor modules it depends on (-am), tests skipped.
# ---------------------------------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    set -eu; \
    case "${SERVICE}" in \
      registry-service|training-service|reporting-service|web) ;; \
      *) echo "SERVICE must be registry-service, training-service, reporting-service or web (got '${SERVICE}')" >&2; exit 1 ;; \
    esac; \
    mvn -B -q -DskipTests package -pl "${SERVICE}" -am; \
    mkdir -p /out; \
    cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /out/app.jar

# ---------------------------------------------------------------------------------------------------------------------
# Runtime: JRE only, unprivileged user, the runnable (-exec) jar.
# ---------------------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre
ARG SERVICE
ARG PORT=8080
LABEL org.opencontainers.image.title="simpul-${SERVICE}" \
      org.opencontainers.image.description="Simpul ${SERVICE}"
RUN groupadd --system --gid 10001 simpul \
 && useradd --system --uid 10001 --gid simpul --no-create-home --home-dir /app --shell /usr/sbin/nologin simpul
WORKDIR /app
COPY --from=build /out/app.jar /app/app.jar
ENV SIMPUL_SERVICE=${SERVICE}
# In a container the service listens on every interface of the container (outside it, 127.0.0.1 is the default).
ENV SIMPUL_BIND_ADDRESS=0.0.0.0
USER 10001:10001
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
