#!/usr/bin/env bash
# Builds (once) and prints the absolute path of a real program the tests run against.
#   scripts/tools.sh tofu             -> OpenTofu CLI built from its Go module
#   scripts/tools.sh terraform        -> hashicorp/terraform built from its Go module
#   scripts/tools.sh go-provider      -> the Go provider coder/terraform-provider-coder
#   scripts/tools.sh random-provider  -> a hashicorp/random stand-in (see below)
#   scripts/tools.sh all              -> tofu, go-provider and random-provider (what CI needs)
# Everything is cached outside the clone, keyed by version (or source hash), so a second run is
# instant. Concurrent calls serialise on a flock per tool, so calling this from several jest
# workers or shells at once just waits for the one build.
#
# Module-proxy facts on this machine (checked 2026-11, `go mod download`):
# - github.com/coder/terraform-provider-coder/v2 v2.16.0 and v2.17.0 are refused (403 "This module
#   version is not available"); v2.12.0, v2.18.0, v2.19.0, v2.20.0 are served. v2.18.0 is the
#   nearest to the v2.17.0 we replace: the same 9 resources and 8 of the 9 data sources (it is the
#   release after the `coder_secret` revert, so it has no data "coder_secret").
# - github.com/hashicorp/terraform-provider-random v3.x is refused (and its go.mod module path has
#   no /v3 suffix, so `go install` would reject v3 tags anyway); the only served versions, v1.3.1
#   and v2.0.0+incompatible, speak plugin protocol 4, which OpenTofu cannot load. So
#   `random-provider` builds test/tools/random-provider, our own small Go provider on the real
#   terraform-plugin-sdk/v2, that serves hashicorp/random's common resources under the same names.
set -euo pipefail

TOFU_VERSION="${TOFU_VERSION:-v1.12.6}"
TERRAFORM_VERSION="${TERRAFORM_VERSION:-v1.5.7}"
GO_PROVIDER_VERSION="${GO_PROVIDER_VERSION:-v2.18.0}"
CACHE="${TPC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-coder-ts}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Small, static, reproducible binaries; the fastest build Go offers on 2 cores.
export CGO_ENABLED=0
GO_BUILD_FLAGS=(-trimpath -ldflags "-s -w")

log() { printf '%s\n' "$*" >&2; }

need_go() {
  command -v go >/dev/null 2>&1 || { log "tools.sh: the go command is required (none on PATH)"; exit 1; }
}

# build_cli MODULE VERSION NAME PKG: go mod download, copy the source somewhere writable, go build PKG.
# `go install mod@ver` refuses modules whose go.mod carries replace directives, which both CLIs do.
build_cli() {
  local module="$1" version="$2" name="$3" pkg="$4"
  local out="$CACHE/$name-$version/$name"
  if [ -x "$out" ]; then printf '%s\n' "$out"; return; fi
  need_go
  mkdir -p "$CACHE"
  (
    flock 9
    if [ ! -x "$out" ]; then
      log "building $name $version from its Go module (first run only; several minutes on 2 cores)"
      local start=$SECONDS dir src
      dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
      [ -n "$dir" ] || { log "go mod download gave no source dir for $module@$version"; exit 1; }
      src="$CACHE/$name-$version/src"
      rm -rf "$src"; mkdir -p "$src"
      cp -r "$dir/." "$src/"; chmod -R u+w "$src"
      (cd "$src" && GOFLAGS="-mod=mod -buildvcs=false" go build "${GO_BUILD_FLAGS[@]}" -o "$out.tmp" "$pkg" >&2)
      mv "$out.tmp" "$out"
      rm -rf "$src"
      log "built $name $version in $((SECONDS - start)) s"
    fi
  ) 9>"$CACHE/$name-$version.lock"
  printf '%s\n' "$out"
}

go_provider() {
  local bin="$CACHE/go-provider-$GO_PROVIDER_VERSION/bin/terraform-provider-coder"
  if [ -x "$bin" ]; then printf '%s\n' "$bin"; return; fi
  need_go
  mkdir -p "$CACHE"
  (
    flock 9
    if [ ! -x "$bin" ]; then
      log "installing the Go provider $GO_PROVIDER_VERSION (first run only)"
      local gobin
      gobin="$(dirname "$bin")"
      GOBIN="$gobin" go install "${GO_BUILD_FLAGS[@]}" "github.com/coder/terraform-provider-coder/v2@$GO_PROVIDER_VERSION" >&2
      # Older go commands name the binary after the last path element ("v2").
      if [ -x "$gobin/v2" ]; then mv "$gobin/v2" "$bin"; fi
      [ -x "$bin" ] || { log "go install produced no $bin"; exit 1; }
    fi
  ) 9>"$CACHE/go-provider-$GO_PROVIDER_VERSION.lock"
  printf '%s\n' "$bin"
}

# Our hashicorp/random stand-in, keyed by a hash of its source so an edit rebuilds it.
random_provider() {
  local srcdir="$ROOT/test/tools/random-provider" key
  key=$(cd "$srcdir" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-16)
  local bin="$CACHE/random-provider-$key/terraform-provider-random"
  if [ -x "$bin" ]; then printf '%s\n' "$bin"; return; fi
  need_go
  mkdir -p "$CACHE"
  (
    flock 9
    if [ ! -x "$bin" ]; then
      log "building the hashicorp/random stand-in (test/tools/random-provider)"
      mkdir -p "$(dirname "$bin")"
      (cd "$srcdir" && GOFLAGS="-mod=mod -buildvcs=false" go build "${GO_BUILD_FLAGS[@]}" -o "$bin.tmp" . >&2)
      mv "$bin.tmp" "$bin"
    fi
  ) 9>"$CACHE/random-provider.lock"
  printf '%s\n' "$bin"
}

case "${1:-}" in
  tofu) build_cli github.com/opentofu/opentofu "$TOFU_VERSION" tofu ./cmd/tofu ;;
  terraform) build_cli github.com/hashicorp/terraform "$TERRAFORM_VERSION" terraform . ;;
  go-provider) go_provider ;;
  random-provider) random_provider ;;
  all)
    build_cli github.com/opentofu/opentofu "$TOFU_VERSION" tofu ./cmd/tofu
    go_provider
    random_provider
    ;;
  *) log "usage: $0 tofu|terraform|go-provider|random-provider|all"; exit 2 ;;
esac
