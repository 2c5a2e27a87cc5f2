# Sourced by mvnw, bin/article-exporter and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Many machines keep an older default `java` (17) beside a newer JDK, so we look for one
# rather than making every user set JAVA_HOME by hand. POSIX sh: mvnw runs under /bin/sh.

_ae_required=21

# Prints the feature version (e.g. 25) of the JDK at $1, or nothing.
_ae_jdk_version() {
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$1/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1)
  else
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ "$_v" = 1 ] && _v=8
  echo "$_v"
}

_ae_find_jdk() {
  # 1. JAVA_HOME, 2. the java on PATH, 3. the newest JDK in the usual install folders.
  for _home in "${JAVA_HOME:-}" \
      "$(command -v java >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v java)")")")"; do
    [ -n "$_home" ] || continue
    _v=$(_ae_jdk_version "$_home")
    if [ -n "$_v" ] && [ "$_v" -ge "$_ae_required" ]; then echo "$_home"; return 0; fi
  done
  _best=; _bestv=0
  for _home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-}"/.sdkman/candidates/java/* \
      "${HOME:-}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$_home" ] && [ ! -L "$_home" ] || continue
    _v=$(_ae_jdk_version "$_home")
    if [ -n "$_v" ] && [ "$_v" -ge "$_ae_required" ] && [ "$_v" -gt "$_bestv" ]; then _best=$_home; _bestv=$_v; fi
  done
  [ -n "$_best" ] && echo "$_best"
}

_ae_jdk=$(_ae_find_jdk)
if [ -n "$_ae_jdk" ]; then
  JAVA_HOME=$_ae_jdk
  export JAVA_HOME
else
  echo "article-exporter needs a JDK ${_ae_required} or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}," >&2
  echo "java on PATH: $(java -version 2>&1 | head -n 1)). Install one, e.g. 'apt-get install openjdk-21-jdk'," >&2
  echo "or set JAVA_HOME to a JDK ${_ae_required}+ folder." >&2
  exit 1
fi
