#!/usr/bin/env bash
# Starts Tandem on Payara Micro 6 against MySQL 8 (or any database TANDEM_DB_URL names).
#   deploy/payara-micro/start.sh            reads deploy/payara-micro/tandem.env
#   TANDEM_ENV=/etc/tandem.env start.sh     reads another file
# Needs: Java 17, the Payara Micro jar (PAYARA_MICRO_JAR) and the WAR (TANDEM_WAR, from ./mvnw package).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
env_file="${TANDEM_ENV:-$here/tandem.env}"
if [ -f "$env_file" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    set +a
fi
: "${PAYARA_MICRO_JAR:?set PAYARA_MICRO_JAR to the payara-micro-6.2025.10.jar path}"
: "${TANDEM_WAR:=$here/../../target/tandem.war}"
exec java ${TANDEM_JAVA_OPTS:--Xmx1g -XX:+UseG1GC} -Duser.timezone=UTC \
    -Dorg.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110=false \
    -Dorg.glassfish.grizzly.http.STRICT_HEADER_NAME_VALIDATION_RFC_9110=false \
    -jar "$PAYARA_MICRO_JAR" \
    --deploy "$TANDEM_WAR" --contextroot / \
    --port "${TANDEM_PORT:-8080}" \
    --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    --nocluster
