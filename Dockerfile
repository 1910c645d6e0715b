# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image restores (a cached layer), builds and publishes; the small
# runtime image runs as a non-root user with the data folder on a volume. docs/deploy.md explains
# the health check and what the container needs.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore from the project files alone, so this layer is reused until a project file or a
# package version changes; editing code does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CohortBot.Core/CohortBot.Core.csproj src/CohortBot.Core/
COPY src/CohortBot.Charts/CohortBot.Charts.csproj src/CohortBot.Charts/
COPY src/CohortBot.Storage/CohortBot.Storage.csproj src/CohortBot.Storage/
COPY src/CohortBot.Terminal/CohortBot.Terminal.csproj src/CohortBot.Terminal/
COPY src/CohortBot.Discord/CohortBot.Discord.csproj src/CohortBot.Discord/
COPY src/CohortBot.Slack/CohortBot.Slack.csproj src/CohortBot.Slack/
COPY src/CohortBot.Host/CohortBot.Host.csproj src/CohortBot.Host/
RUN dotnet restore src/CohortBot.Host/CohortBot.Host.csproj
COPY src/ src/
COPY config/appsettings.json config/
RUN dotnet publish src/CohortBot.Host/CohortBot.Host.csproj -c Release -o /app --no-restore --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata: cohort time zones (Asia/Seoul) are IANA ids resolved from the system database.
# fonts-nanum: the digest chart's labels in Korean (Skia draws boxes with a Latin-only font).
# ICU comes with the image (Korean sorting and casing need it). The ASP.NET Core runtime serves
# the management listener and the adapters' optional HTTP endpoints (Kestrel).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tzdata fonts-nanum \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system cohortbot && useradd --system --gid cohortbot --home-dir /app cohortbot \
 && mkdir -p /data && chown cohortbot:cohortbot /data
WORKDIR /app
COPY --from=build /app ./
USER cohortbot
# The cohort file is not in the image: mount yours at /app/config/cohort.yaml (the bot exits 2
# naming the path when it is missing). Tokens come from the environment.
# The management listener serves /health/live and /health/ready on loopback inside the container,
# for the HEALTHCHECK below; set COHORTBOT__MANAGEMENT__URL=http://0.0.0.0:8081 (and publish the
# port) for an orchestrator's probes.
ENV DOTNET_ENVIRONMENT=Production \
    COHORTBOT__STORAGE__DATABASEPATH=/data/cohortbot.db \
    COHORTBOT__STORAGE__PROOFDIRECTORY=/data/proofs \
    COHORTBOT__TERMINAL__FILESDIRECTORY=/data/files \
    COHORTBOT__COHORT__FILE=/app/config/cohort.yaml \
    COHORTBOT__MANAGEMENT__ENABLED=true \
    COHORTBOT__MANAGEMENT__URL=http://127.0.0.1:8081
VOLUME ["/data"]
# Ready = database reachable and every configured platform connected. The runtime image has no
# curl, so the check is the program's own `health` verb (exit 0 ready, 1 not).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "/app/cohortbot.dll", "health"]
# Without tokens the bot is the terminal chat: run it with -it. Without tokens and without -it
# it exits 2 and says so (there is nobody to serve).
ENTRYPOINT ["dotnet", "/app/cohortbot.dll"]
