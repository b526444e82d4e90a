# Coroutine Tour in a container: one static Go binary in an otherwise empty image,
# run as an unprivileged user. Lessons, templates and the front-end bundle are
# embedded in the binary, so nothing else is copied into the final image.
#
#   docker build -t coroutine-tour .
#   docker run --rm -p 8080:8080 coroutine-tour
#   docker run --rm -p 8080:8080 -v "$PWD/lessons:/lessons:ro" -e LESSONS_DIR=/lessons coroutine-tour
#
# docs/deploy.md has the settings; scripts/docker-smoke checks the image offline with buildah.

# go.mod asks for Go 1.26.8 and the golang images set GOTOOLCHAIN=local, so the
# tag must give at least that version (1.26 is the newest 1.26.x).
ARG GO_VERSION=1.26
FROM docker.io/library/golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# static/dist, the built front-end bundle, is committed: no Node.js needed here.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/server ./cmd/server
# scratch has no /etc/passwd: give the unprivileged user a name.
RUN echo 'tour:x:65532:65532:Coroutine Tour:/:/sbin/nologin' > /out/passwd && echo 'tour:x:65532:' > /out/group

FROM scratch
COPY --from=build /out/passwd /etc/passwd
COPY --from=build /out/group /etc/group
COPY --from=build /out/server /server
# numeric, so that a runtime (Kubernetes' runAsNonRoot) can tell it is not root
USER 65532:65532
# The settings and their defaults (all of them: /server -h). ADDR, if set, overrides PORT.
ENV PORT=8080 \
    LESSONS_DIR="" \
    ORIGINS="" \
    MAX_RUNS=16 \
    RUNS_PER_MINUTE=1200 \
    TRUST_PROXY=""
EXPOSE 8080
# -healthcheck asks the running server for /healthz (there is no curl in scratch)
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["/server", "-healthcheck"]
ENTRYPOINT ["/server"]
