#!/usr/bin/env bash
# Records one reference case on real Spark 3.5.9:  ./run-case.sh CASE [OUTDIR]
# CASE is the name of cases/CASE.json; the recording goes to OUTDIR (default recordings/CASE).
# The driver runs in its own autogroup at the highest priority, so that the other work on the
# machine distorts its timings as little as possible (needs root for nice -20; otherwise it runs
# at normal priority and says so).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
name=${1:?usage: ./run-case.sh CASE [OUTDIR]}
out=${2:-$here/recordings/$name}
[ -f "cases/$name.json" ] || { echo "no such case: cases/$name.json" >&2; exit 2; }
if [ ! -f target/classpath.txt ] || [ ! -d target/classes/dev ]; then
  mvn -B -ntp -q package   # first time: Maven downloads Spark 3.5.9 and its dependencies
fi
# Spark's standalone worker builds the executor's command from SPARK_HOME: an empty one suffices,
# since every executor gets the driver's class path (spark.executor.extraClassPath).
mkdir -p target/spark-home/jars target/spark-home/launcher/target/scala-2.13 target/work
rm -rf target/work/*
# SPARK_LOCAL_HOSTNAME: local-cluster executors report host "localhost" (as in the project's other fixtures),
# not whatever this machine's name resolves to; standalone workers bind the hosts their case gives.
export SPARK_HOME="$here/target/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_HOSTNAME=localhost
cp="$here/target/classes:$(cat target/classpath.txt)"
opens=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)
cmd=(java -Xmx1g "${opens[@]}" -Dsparkref.home="$SPARK_HOME" -Dsparkref.work="$here/target/work"
  -cp "$cp" dev.barriersim.sparkref.ReferenceDriver "cases/$name.json" "$out")
# Exit code 3: Spark's shuffled offers placed tasks unlike the twin scenario assumes; try again.
for try in 1 2 3 4 5 6; do
  echo "recording $name into $out (try $try)" >&2
  rc=0
  setsid bash -c 'echo -20 > /proc/self/autogroup 2>/dev/null && exec nice -n -20 "$@" || { echo "(not prioritised: needs root)" >&2; exec "$@"; }' _ "${cmd[@]}" || rc=$?
  [ "$rc" -ne 3 ] && exit "$rc"
  rm -rf target/work/*
done
exit 3
