# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes, the small runtime image runs as a
# non-root user with the data folder on a volume.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props CohortBot.sln ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/CohortBot.Host/CohortBot.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# tzdata: cohort time zones (Asia/Seoul) are IANA ids resolved from the system database.
# ICU comes with the Debian-based image (Korean sorting and casing need it). The ASP.NET Core
# runtime is needed by the adapters' optional HTTP endpoints (Kestrel).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system cohortbot && useradd --system --gid cohortbot --home-dir /app cohortbot \
 && mkdir -p /data && chown cohortbot:cohortbot /data
WORKDIR /app
COPY --from=build /app ./
USER cohortbot
ENV DOTNET_ENVIRONMENT=Production \
    COHORTBOT__STORAGE__DATABASEPATH=/data/cohortbot.db \
    COHORTBOT__STORAGE__PROOFDIRECTORY=/data/proofs \
    COHORTBOT__TERMINAL__FILESDIRECTORY=/data/files \
    COHORTBOT__COHORT__FILE=/app/config/cohort.yaml
VOLUME ["/data"]
# Mount your own cohort file over /app/config/cohort.yaml; tokens come from the environment.
ENTRYPOINT ["dotnet", "/app/cohortbot.dll"]
