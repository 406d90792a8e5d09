#!/usr/bin/env bash
# A 12-trial sweep of dnn on all of Fashion-MNIST (54,000 training and 6,000 validation images, the 10,000 test
# images for the selected trial only): 3 learning rates x 2 batch sizes x 2 seeds, the dnn's other defaults
# (6 epochs, cosine schedule). Prints the wall-clock time of the build (fetch-data, train with the selection,
# evaluate), of a no-op rebuild, and the selection: each candidate's mean validation accuracy and standard
# deviation, the selected trial and its test accuracy. Needs the plugin in the local repository
# (mvn -B -q install -DskipTests -Dinvoker.skip=true) and the Debian package dataset-fashion-mnist.
# Usage: benchmark/sweep.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$here/../pom.xml" | head -1)
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
now() { date +%s%N; }
seconds() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>sweep</artifactId>
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
          <models>
            <model>
              <name>dnn</name>
              <sweep>
                <learningRate>0.001,0.002,0.004</learningRate>
                <batchSize>128,512</batchSize>
                <seed>1,2</seed>
              </sweep>
            </model>
          </models>
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
echo "sweep build (12 trials trained, selected, the selected one evaluated): $(build) s"
grep -E 'Sweep dnn:|selected trial' "$project/build.log" | sed 's/^\[INFO\] //'
echo "no-op rebuild: $(build) s"
/usr/bin/python3 - "$project/target/fashion-ml" <<'PY'
import json, sys, os
out = sys.argv[1]
s = json.load(open(os.path.join(out, "dnn", "selection.json")))
print("rank  values                                   mean val. acc.   sd")
for c in s["candidates"]:
    sd = "-" if c["standardDeviation"] is None else "%.4f" % c["standardDeviation"]
    print("%4d  %-40s %.4f          %s" % (c["rank"], json.dumps(c["values"]), c["mean"], sd))
e = json.load(open(os.path.join(out, "dnn", "evaluation.json")))
print("selected %s (validation accuracy %.4f); its test accuracy %.4f, the only test figure read"
      % (s["selected"]["trial"], s["selected"]["figure"], e["accuracy"]))
PY
