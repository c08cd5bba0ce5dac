#!/usr/bin/env bash
# Prints which routes the server has that openapi.yaml does not list, and which documented routes the
# server lacks (the difference OpenApiRoutesTest fails on), without failing the build. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl rest-bundle -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cd rest-bundle
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" io.sinter.rest.internal.OpenApiRoutes
