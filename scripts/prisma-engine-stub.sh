#!/bin/sh
# `prisma generate` insists that a schema engine binary exists, but never runs it.
# Concord migrates with Prisma's WebAssembly schema engine instead (src/db/schema-engine.ts).
echo "Concord: the native schema engine is not used; run npm run db:migrate" >&2
exit 1
