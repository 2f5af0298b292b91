# The production image: the production jar (no embedded PostgreSQL), extracted in layers, run by a non-root user.
#   ./mvnw -DskipTests package && docker build -t accounts .
# It needs a PostgreSQL (SPRING_R2DBC_URL…) and an SMTP server (SPRING_MAIL_HOST…): compose.yaml runs it with both.

# Extracted as Spring Boot's tools jar mode lays it out: one folder per layer, and the launcher.
FROM eclipse-temurin:25-jre AS layers
WORKDIR /extract
COPY bootstrap/target/accounts.jar accounts.jar
RUN java -Djarmode=tools -jar accounts.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 accounts \
    && useradd --system --uid 10001 --gid accounts --no-create-home --shell /usr/sbin/nologin accounts
WORKDIR /application
# From the layer that changes least to the one that changes most: a change to the service's own code rebuilds
# and ships the last two (its modules are snapshot dependencies), not the libraries'.
COPY --from=layers /extract/extracted/dependencies/ ./
COPY --from=layers /extract/extracted/spring-boot-loader/ ./
COPY --from=layers /extract/extracted/snapshot-dependencies/ ./
COPY --from=layers /extract/extracted/application/ ./
USER 10001:10001
EXPOSE 8080
# bin/jvm-flags for two CPUs on JDK 25 (bench/RESULTS.md measures them). JAVA_OPTS replaces them, as with ./run:
# give the heap 64 MiB more per further CPU the container gets.
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms192m -Xmx192m -Xmn64m -XX:MetaspaceSize=96m -Xss512k -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000 --sun-misc-unsafe-memory-access=allow"
ENV MALLOC_ARENA_MAX=2
# Ready means the application has started and its database answers (the readiness group: readinessState, r2dbc).
# The image has neither curl nor wget: the check is a class of the service's own, in a JVM of 16 MiB.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx16m", "-cp", "/application/BOOT-INF/classes", "dev.accounts.bootstrap.ReadinessCheck", "http://127.0.0.1:8080/actuator/health/readiness"]
# A shell only to expand JAVA_OPTS; exec leaves java as the process that receives SIGTERM (graceful shutdown).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "accounts"]
