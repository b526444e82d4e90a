# Coroutine Tour: a static binary in a minimal image, run as a non-root user.
#   docker build -t coroutine-tour .
#   docker run -p 8080:8080 coroutine-tour
#   docker run -p 8080:8080 -v $PWD/lessons:/lessons -e LESSONS_DIR=/lessons coroutine-tour
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# the front-end bundle is committed in static/dist, so no Node.js is needed here
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server

FROM scratch
COPY --from=build /out/server /server
USER 65534:65534
# the server listens on :8080, or on $PORT when the platform sets it (ADDR overrides both)
ENV MAX_RUNS=16 \
    RUNS_PER_MINUTE=1200
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s CMD ["/server", "-healthcheck"]
ENTRYPOINT ["/server"]
