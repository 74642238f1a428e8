#!/usr/bin/env bash
# Builds (once) and prints the absolute path of a real client the tests run against.
#   scripts/tools.sh tofu          -> OpenTofu CLI built from its Go module
#   scripts/tools.sh go-provider   -> the Go provider coder/terraform-provider-coder v2.17.0
#   scripts/tools.sh terraform     -> hashicorp/terraform v1.5.7 built from its Go module
# Everything is cached outside the clone, keyed by version, so a second run is instant.
set -euo pipefail

TOFU_VERSION="${TOFU_VERSION:-v1.12.6}"
TERRAFORM_VERSION="${TERRAFORM_VERSION:-v1.5.7}"
GO_PROVIDER_VERSION="${GO_PROVIDER_VERSION:-v2.17.0}"
CACHE="${TPC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-coder-ts}"

log() { printf '%s\n' "$*" >&2; }

# build_cli MODULE VERSION NAME: go mod download, copy the source somewhere writable, go build ./cmd/NAME.
# `go install mod@ver` refuses modules whose go.mod carries replace directives, which both CLIs do.
build_cli() {
  local module="$1" version="$2" name="$3"
  local out="$CACHE/$name-$version/$name"
  if [ -x "$out" ]; then printf '%s\n' "$out"; return; fi
  mkdir -p "$CACHE"
  local lock="$CACHE/$name-$version.lock"
  (
    flock 9
    if [ ! -x "$out" ]; then
      log "building $name $version from its Go module (first run only; takes a few minutes)"
      local dir
      dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
      [ -n "$dir" ] || { log "go mod download gave no source dir for $module@$version"; exit 1; }
      local src="$CACHE/$name-$version/src"
      rm -rf "$src"; mkdir -p "$src"
      cp -r "$dir/." "$src/"; chmod -R u+w "$src"
      (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out.tmp" "./cmd/$name" >&2)
      mv "$out.tmp" "$out"
      rm -rf "$src"
    fi
  ) 9>"$lock"
  printf '%s\n' "$out"
}

go_provider() {
  local bin="$CACHE/go-provider-$GO_PROVIDER_VERSION/bin/terraform-provider-coder"
  if [ -x "$bin" ]; then printf '%s\n' "$bin"; return; fi
  mkdir -p "$CACHE"
  (
    flock 9
    if [ ! -x "$bin" ]; then
      log "installing the Go provider $GO_PROVIDER_VERSION (first run only)"
      GOBIN="$(dirname "$bin")" CGO_ENABLED=0 go install "github.com/coder/terraform-provider-coder/v2@$GO_PROVIDER_VERSION" >&2
      # go install names the binary after the module's last path element ("v2").
      [ -x "$(dirname "$bin")/v2" ] && mv "$(dirname "$bin")/v2" "$bin"
    fi
  ) 9>"$CACHE/go-provider.lock"
  printf '%s\n' "$bin"
}

case "${1:-}" in
  tofu) build_cli github.com/opentofu/opentofu "$TOFU_VERSION" tofu ;;
  terraform) build_cli github.com/hashicorp/terraform "$TERRAFORM_VERSION" terraform ;;
  go-provider) go_provider ;;
  *) log "usage: $0 tofu|terraform|go-provider"; exit 2 ;;
esac
