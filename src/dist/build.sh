#!/bin/sh
# Builds the release archive (.tar.gz, .zip) and the Debian package into <build dir>/dist, from the jar the package
# phase just wrote. Run by the dist profile (./mvnw -Pdist package); arguments: project folder, build folder,
# version. Needs the JDK's jlink and jpackage, dpkg-deb and fakeroot; the AOT cache needs JDK 25+.
set -eu
base=$1
target=$2
version=$3
: "${JAVA_HOME:?the dist build needs JAVA_HOME}"
name=article-exporter
dist="$target/dist"
work="$dist/work"
jar="$target/$name.jar"
rm -rf "$dist"
mkdir -p "$work"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")

# The runtime both ship: what a Spring Boot application with JDBC, JMS, a web server and AWT imaging may load
# reflectively (jdeps sees only direct references), without debug symbols, headers and man pages.
modules=java.se,jdk.unsupported,jdk.management,jdk.crypto.cryptoki,jdk.charsets,jdk.localedata,jdk.zipfs
modules=$modules,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.jfr,jdk.httpserver,jdk.xml.dom
echo "dist: linking the runtime (JDK $major)"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress zip-6 --output "$work/runtime"

# Learns the AOT cache through the installed launcher ($1), with its JVM options, on the bundled sample, and checks
# that the JVM accepts it (AOTMode=on fails when it does not). The cache is only valid for the same JVM and files
# of the same size and time, so it is learnt in place, on the files that are then packed.
train() {
  [ "$major" -ge 25 ] || { echo "dist: JDK $major has no AOT cache (25+): packing without one"; return 0; }
  rm -rf "$work/train"
  mkdir -p "$work/train"
  cp -R "$base/input" "$work/train/input"
  echo "dist: learning the AOT cache $2"
  (cd "$work/train" && ARTICLE_EXPORTER_TRAIN="$2" "$1" export --fresh >"$work/train.log" 2>&1) \
    || { cat "$work/train.log" >&2; exit 1; }
  (cd "$work/train" && JAVA_OPTS="-XX:AOTMode=on" "$1" --version >/dev/null)
  rm -rf "$work/train"
}

# The release archive: bin/, lib/ (the jar as Spring Boot's extract lays it out), runtime/, docs/, systemd/.
stage="$dist/stage/$name-$version"
mkdir -p "$stage/bin" "$stage/systemd"
"$JAVA_HOME/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$stage/lib" >/dev/null
cp "$base/.mvn/jdk.sh" "$stage/lib/jdk.sh"
cp -Rp "$work/runtime" "$stage/runtime"
cp "$base/src/dist/article-exporter" "$stage/bin/$name"
chmod 755 "$stage/bin/$name"
cp "$base"/src/dist/systemd/* "$base/src/dist/article-exporter.env" "$stage/systemd/"
cp -R "$base/docs" "$stage/docs"
cp "$base/README.md" "$stage/"
for f in LICENSE LICENSE.txt LICENSE.md NOTICE; do
  [ ! -f "$base/$f" ] || cp "$base/$f" "$stage/"
done
train "$stage/bin/$name" "$stage/lib/$name.aot"
echo "dist: packing $name-$version.tar.gz and .zip"
(cd "$dist/stage" && tar -czf "$dist/$name-$version.tar.gz" "$name-$version")
(cd "$dist/stage" && zip -qry "$dist/$name-$version.zip" "$name-$version")

# The Debian package: jpackage lays the application and the runtime out under /opt/article-exporter and writes
# the control file (with the libraries the runtime needs); then the launcher, the units, the configuration and
# the maintainer scripts (system user, data folder, purge) go in, and the cache is learnt on the unpacked tree.
echo "dist: jpackage --type deb"
appversion=$(echo "$version" | sed 's/[^0-9.].*//')
mkdir -p "$work/deb-input"
cp -Rp "$stage/lib/$name.jar" "$stage/lib/lib" "$stage/lib/jdk.sh" "$work/deb-input/"
"$JAVA_HOME/bin/jpackage" --type deb --name "$name" --app-version "$appversion" --input "$work/deb-input" \
  --main-jar "$name.jar" --runtime-image "$work/runtime" --install-dir /opt --dest "$work/jpackage" \
  --description "Turns news and slideshow articles (JSON) into PDF and EPUB, night after night" \
  --vendor "article-exporter" --linux-package-name "$name" --linux-app-category utils \
  --linux-deb-maintainer "article-exporter@localhost"
deb="$work/deb"
dpkg-deb -R "$work"/jpackage/*.deb "$deb"
opt="$deb/opt/$name"
rm -f "$deb"/DEBIAN/postinst "$deb"/DEBIAN/prerm "$deb"/DEBIAN/postrm "$deb"/DEBIAN/preinst
cp "$base/src/dist/$name" "$opt/bin/$name"
chmod 755 "$opt/bin/$name"
mkdir -p "$deb/usr/bin" "$deb/usr/lib/systemd/system" "$deb/etc/$name" "$deb/usr/share/doc/$name"
ln -s "/opt/$name/bin/$name" "$deb/usr/bin/$name"
cp "$base"/src/dist/systemd/* "$deb/usr/lib/systemd/system/"
cp "$base/src/dist/article-exporter.env" "$deb/etc/$name/"
cp -R "$base/docs" "$deb/usr/share/doc/$name/docs"
cp "$base/README.md" "$deb/usr/share/doc/$name/"
echo "/etc/$name/article-exporter.env" >>"$deb/DEBIAN/conffiles"
cp "$base"/src/dist/deb/postinst "$base"/src/dist/deb/prerm "$base"/src/dist/deb/postrm "$deb/DEBIAN/"
chmod 755 "$deb"/DEBIAN/postinst "$deb"/DEBIAN/prerm "$deb"/DEBIAN/postrm
train "$opt/bin/$name" "$opt/lib/app/$name.aot"
size=$(du -sk --exclude=DEBIAN "$deb" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$deb/DEBIAN/control"
echo "dist: packing ${name}_${version}_amd64.deb"
fakeroot dpkg-deb -Zgzip --build "$deb" "$dist/${name}_${version}_amd64.deb" >/dev/null
rm -rf "$work" "$dist/stage"
ls -l "$dist"
