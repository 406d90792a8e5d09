#!/usr/bin/env bash
# What a folder of images costs a build: Fashion-MNIST's 60,000 training images as 28x28 grey PNGs in class
# folders (no test/ folder: the test split comes from testFraction), in a project that fetches, trains dnn for one
# epoch and evaluates. Prints the wall-clock seconds of the first build's fetch-data (index, hash, decode), of the
# whole first build, and of ROUNDS no-op rebuilds (nothing changed: no file read, nothing decoded, nothing trained).
# Needs the plugin in the local repository (mvn -B -q install -DskipTests -Dinvoker.skip=true) and the Debian
# package dataset-fashion-mnist. Usage: benchmark/image-folder.sh [ROUNDS]
set -euo pipefail
rounds=${1:-3}
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$here/../pom.xml" | head -1)
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
start=$(now)
java "$here/WriteImageFolder.java" "$project/data/fashion"
echo "wrote $(find "$project/data/fashion" -name '*.png' | wc -l) PNGs in $(seconds "$start") s"
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>image-folder</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.fashionml</groupId>
        <artifactId>fashion-ml-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <cacheDirectory>\${project.build.directory}/cache</cacheDirectory>
          <dataset><directory>data/fashion</directory></dataset>
          <models><model><name>dnn</name><epochs>1</epochs></model></models>
        </configuration>
        <executions>
          <execution>
            <goals><goal>fetch-data</goal><goal>train</goal><goal>evaluate</goal></goals>
          </execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
build() {
  local began=$(now)
  mvn -B -o -f "$project/pom.xml" verify > "$project/build.log" 2>&1 || { cat "$project/build.log"; exit 1; }
  seconds "$began"
}
# fetch-data alone first: the decode's own time, without training.
began=$(now)
mvn -B -o -f "$project/pom.xml" "io.github.fashionml:fashion-ml-maven-plugin:$version:fetch-data" \
  > "$project/fetch.log" 2>&1 || { cat "$project/fetch.log"; exit 1; }
echo "first fetch-data (index, hash and decode 60,000 PNGs): $(seconds "$began") s"
grep -E 'Decoded|skipped|hidden' "$project/fetch.log" | head -3 || true
echo "first build (fetch-data cached, train dnn 1 epoch, evaluate): $(build) s"
for round in $(seq 1 "$rounds"); do
  echo "no-op rebuild $round: $(build) s"
done
grep -E 'nothing to decode|read [0-9,]+ files|up to date' "$project/build.log" | head -5 || true
