#!/usr/bin/env bash
# What forking the native work costs: the same forced one-epoch training (dnn, 3,000 images) built with the work
# in a forked JVM and in Maven's own, alternating, ROUNDS times; prints each build's wall-clock seconds.
# Needs the plugin in the local repository (mvn -B -q install -DskipTests -Dinvoker.skip=true) and the
# Debian package dataset-fashion-mnist. Usage: benchmark/fork-cost.sh [ROUNDS]
set -euo pipefail
rounds=${1:-4}
# The project's version: the first <version> of the root POM, its own.
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$(dirname "$0")/../pom.xml" | head -1)
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>fork-cost</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.fashionml</groupId>
        <artifactId>fashion-ml-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <download>false</download>
          <trainLimit>3000</trainLimit>
          <models><model><name>dnn</name><epochs>1</epochs></model></models>
        </configuration>
        <executions>
          <execution><goals><goal>fetch-data</goal><goal>train</goal></goals></execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
cd "$project"
mvn -B -o -q verify >/dev/null
for round in $(seq "$rounds"); do
  for fork in true false; do
    start=$(date +%s.%N)
    mvn -B -o -q verify -Dfashionml.force=true -Dfashionml.fork=$fork >/dev/null
    printf "round %d  fork=%-5s  %.2f s\n" "$round" "$fork" "$(echo "$(date +%s.%N) - $start" | bc)"
  done
done
